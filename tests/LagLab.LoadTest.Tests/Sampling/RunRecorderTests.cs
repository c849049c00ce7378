using LagLab.LoadTest.Parts;
using LagLab.LoadTest.Results;
using LagLab.LoadTest.Sampling;

namespace LagLab.LoadTest.Tests.Sampling;

public sealed class RunRecorderTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static MonitorAlert Alert(string state, double active, double? fired = null) =>
        new("KafkaConsumerLagWarning", state, "warning", new Dictionary<string, string> { ["partition"] = "1", ["severity"] = "warning" }, 1200,
            Start.AddSeconds(active), fired is { } f ? Start.AddSeconds(f) : null, null);

    [Fact]
    public void ObserveAlerts_PendingFiringThenGone_IsOneAlertWithItsThreeTimes()
    {
        var recorder = new RunRecorder("run", 60, 200);

        recorder.ObserveAlerts(3, Start, [Alert("pending", 2.5)]);
        recorder.ObserveAlerts(4, Start, [Alert("firing", 2.5, 3.6)]);
        recorder.ObserveAlerts(9, Start, []);

        var alert = Assert.Single(recorder.MonitorAlerts);
        Assert.Equal(2.5, alert.ActiveAt);
        Assert.Equal(3.6, alert.FiredAt!.Value, 6);
        Assert.Equal(9, alert.ResolvedAt);
        Assert.Equal("partition 1", alert.Subject);
    }

    [Fact]
    public void ObserveAlerts_PendingThatNeverFired_LeavesNoTrace()
    {
        var recorder = new RunRecorder("run", 60, 200);

        recorder.ObserveAlerts(3, Start, [Alert("pending", 2.5)]);
        recorder.ObserveAlerts(4, Start, []);

        Assert.Empty(recorder.MonitorAlerts);
    }

    [Fact]
    public void Snapshot_RatesOverTheLastSeconds()
    {
        var recorder = new RunRecorder("run", 60, 200);
        for (var t = 0; t <= 10; t++)
        {
            recorder.AddRate(new RateSample(t, 300L * t, 200L * t, 0, 0, 0, 0, 0, 0));
        }
        recorder.AddSample(new LagSample(10, [5, 6], [0, 0], [5, 6], [1, 2], "Stable", 2));

        var snapshot = recorder.Snapshot();

        Assert.Equal(300, snapshot.ProducedRate, 6);
        Assert.Equal(200, snapshot.AppliedRate, 6);
        Assert.Equal(11, snapshot.TotalLag);
        Assert.Equal(2, snapshot.MaxTimeLag);
    }

    [Fact]
    public void AddSample_StateChange_IsAnEvent()
    {
        var recorder = new RunRecorder("run", 60, 200);
        var events = new List<string>();
        recorder.EventRecorded += e => events.Add(e.Text);

        recorder.AddSample(new LagSample(0, [0], [0], [0], [0], "Stable", 2));
        recorder.AddSample(new LagSample(1, [0], [0], [0], [0], "PreparingRebalance", 2));

        Assert.Equal(["group Stable → PreparingRebalance (2 members)"], events);
    }
}
