using System.Diagnostics.Metrics;
using LagLab.Broker.Groups;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Broker.Tests.Groups;

public sealed class GroupMetricsTests
{
    [Fact]
    public async Task Instruments_ReportRebalancesMembersGenerationAndState()
    {
        using var meter = new Meter("test-groups-" + Guid.NewGuid().ToString("N"));
        var time = new FakeTimeProvider();
        await using var coordinator = new GroupCoordinator(new GroupCoordinatorOptions(6_000, 1_800_000, 10), new RecordingSink(), time, NullLogger.Instance, meter);
        var measurements = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => measurements.Add((i.Name, v, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        var join = coordinator.JoinGroupAsync(new JoinGroupCommand("metered", "", null, false, "c", "/h", 60_000, 10_000, "consumer", [TestSubscriptions.Range()]));
        time.Advance(TimeSpan.FromMilliseconds(10));
        await join;
        listener.RecordObservableInstruments();

        Assert.Contains(measurements, m => m.Instrument == "laglab_broker_group_rebalances" && m.Value == 1 && (string?)m.Tags["group"] == "metered");
        Assert.Contains(measurements, m => m.Instrument == "laglab_broker_group_members" && m.Value == 1);
        Assert.Contains(measurements, m => m.Instrument == "laglab_broker_group_generation" && m.Value == 1);
        Assert.Contains(measurements, m => m.Instrument == "laglab_broker_group_state" && (string?)m.Tags["state"] == "CompletingRebalance");
    }
}
