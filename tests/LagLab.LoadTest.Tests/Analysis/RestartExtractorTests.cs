using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Parts;
using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Tests.Analysis;

/// <summary>Restarts read from recorded events: process events, ready and ownership lines, and the bank's applied times.</summary>
public sealed class RestartExtractorTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_000_000);

    private static FleetEvent At(double t, string instance, FleetEventKind kind, int[]? partitions = null, int[]? owned = null) =>
        new(Start.ToUnixTimeMilliseconds() + (long)Math.Round(t * 1000), instance, kind, partitions ?? [], owned ?? partitions ?? []);

    /// <summary>pipeline-0 owns 0 and 2, is stopped at 10 s and comes back; its last run is stopped at 40 s for good.</summary>
    private static List<FleetEvent> StaticRestart() =>
    [
        At(0, "pipeline-0", FleetEventKind.Started),
        At(0.8, "pipeline-0", FleetEventKind.Ready),
        At(1, "pipeline-0", FleetEventKind.Assigned, [0, 2]),
        At(10, "pipeline-0", FleetEventKind.StopRequested),
        At(10.2, "pipeline-0", FleetEventKind.Revoked, [0, 2], []),
        At(10.5, "pipeline-0", FleetEventKind.Exited),
        At(12.5, "pipeline-0", FleetEventKind.Started),
        At(13.4, "pipeline-0", FleetEventKind.Ready),
        At(13.5, "pipeline-0", FleetEventKind.Assigned, [0, 2]),
        At(40, "pipeline-0", FleetEventKind.StopRequested),
        At(40.1, "pipeline-0", FleetEventKind.Revoked, [0, 2], []),
        At(40.3, "pipeline-0", FleetEventKind.Exited),
    ];

    private static readonly Dictionary<int, double[]> Applied = new()
    {
        [0] = [9.0, 9.9, 10.1, 13.8, 14.0],
        [2] = [9.5, 14.2],
    };

    [Fact]
    public void Extract_StaticRestart_NamesEachPhaseBetweenItsEvents()
    {
        var restart = Assert.Single(RestartExtractor.Extract(StaticRestart(), Start, Applied, [], [new ActionRecord(9.9, 16, "rolling_deploy", "", null)]));

        Assert.Equal("pipeline-0", restart.Instance);
        Assert.Equal("rolling_deploy", restart.Cause);
        Assert.Equal(
            [(RestartPhase.Stop, 0.5), (RestartPhase.Replacement, 2.0), (RestartPhase.Startup, 0.9), (RestartPhase.Join, 0.1), (RestartPhase.FirstRecord, 0.3)],
            restart.Phases.Select(p => (p.Name, Math.Round(p.Seconds, 6))));
        Assert.Equal([0, 2], restart.Assigned);
        Assert.Equal(13.8, restart.Back!.Value, 6);
        Assert.Equal(3.8, restart.AwaySeconds!.Value, 6);
        Assert.Empty(restart.Rebalances);
    }

    [Fact]
    public void Extract_StaticRestart_PausePerPartitionFromTheLastRecordBeforeTheExitOrTheStop()
    {
        var restart = Assert.Single(RestartExtractor.Extract(StaticRestart(), Start, Applied, [], []));

        // Partition 0 applied a record while the old process drained (10.1 s): its pause starts there. Partition 2 was
        // idle since 9.5 s: its pause starts at the stop request, not before.
        Assert.Equal([(0, 10.1, 13.8, 3.7), (2, 9.5, 14.2, 4.2)],
            restart.Partitions.Select(p => (p.Partition, p.LastApplied!.Value, p.FirstApplied!.Value, Math.Round(p.PauseSeconds!.Value, 6))));
        Assert.Equal(4.2, restart.LongestPartitionPause!.Value, 6);
        Assert.Equal("restart", restart.Cause);
    }

    [Fact]
    public void Extract_StopWithoutANewProcess_IsNotARestart()
    {
        var events = StaticRestart().Take(9).ToList();
        events.Add(At(20, "pipeline-0", FleetEventKind.StopRequested));
        events.Add(At(20.4, "pipeline-0", FleetEventKind.Exited));

        var restarts = RestartExtractor.Extract(events, Start, Applied, [], []);

        Assert.Equal([10.0], restarts.Select(r => Math.Round(r.StopRequested, 6)));
    }

    [Fact]
    public void Extract_ResentRequests_CountedFromTheStopUntilTheNextStop()
    {
        RateSample Rate(double t, long duplicates) => new(t, 0, 0, duplicates, 0, 0, 0, 0, 0);
        List<RateSample> rates = [Rate(9.5, 2), Rate(14, 5), Rate(30, 9), Rate(41, 20)];

        var restart = Assert.Single(RestartExtractor.Extract(StaticRestart(), Start, Applied, rates, []));

        Assert.Equal(7, restart.Resent); // 9 at 30 s (the last sample before the next stop at 40 s) less 2 at 9.5 s
    }

    [Fact]
    public void Rebalances_EagerMembersRevokedAndAssigned_OverlappingPartsMergeAndStoppingRevocationsDoNotCount()
    {
        List<FleetEvent> events =
        [
            At(10, "pipeline-0", FleetEventKind.StopRequested),
            At(10.2, "pipeline-0", FleetEventKind.Revoked, [0, 1], []),
            At(10.5, "pipeline-0", FleetEventKind.Exited),
            At(10.6, "pipeline-1", FleetEventKind.Revoked, [2], []),
            At(10.9, "pipeline-2", FleetEventKind.Revoked, [3], []),
            At(11.4, "pipeline-1", FleetEventKind.Assigned, [0, 2]),
            At(11.5, "pipeline-2", FleetEventKind.Assigned, [1, 3]),
            At(14, "pipeline-1", FleetEventKind.Revoked, [0, 2], []),
            At(14.7, "pipeline-1", FleetEventKind.Assigned, [2]),
        ];

        var spans = RestartExtractor.Rebalances([.. events.Select(e => ((e.AtMs - Start.ToUnixTimeMilliseconds()) / 1000.0, e))]);

        Assert.Equal([(10.6, 11.5), (14.0, 14.7)], spans.Select(s => (Math.Round(s.From, 6), Math.Round(s.To, 6))));
    }
}
