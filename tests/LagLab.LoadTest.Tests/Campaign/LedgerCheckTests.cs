using LagLab.LoadTest.Campaign;
using LagLab.LoadTest.Results;
using LagLab.LoadTest.Tests.Fixtures;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Tests.Campaign;

/// <summary>Invariant (b): loss and double application always fail; order violations fail where the pipeline promises order.</summary>
public sealed class LedgerCheckTests
{
    private const string Plain = """
        name: plain
        producer: { rate: 10, duration: 30s }
        fleet: { instances: 2, buffer: durable }
        """;

    [Fact]
    public void Judge_ExactLedger_Passes()
    {
        Assert.Equal(InvariantStatus.Pass, LedgerCheck.Judge(SampleRuns.Scenario(Plain), With(new RunTotals { Produced = 10, Applied = 10 })).Status);
    }

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(0, 1, 0)]
    [InlineData(0, 0, 1)]
    public void Judge_LostDoubleOrOutOfOrder_Fails(long lost, long doubly, long order)
    {
        var totals = new RunTotals { Produced = 10, Applied = 10 - lost, Lost = lost, DoublyApplied = doubly, OrderViolations = order };

        Assert.Equal(InvariantStatus.Fail, LedgerCheck.Judge(SampleRuns.Scenario(Plain), With(totals)).Status);
    }

    [Fact]
    public void Judge_BacklogLeft_IsNotMeasured()
    {
        var totals = new RunTotals { Produced = 10, Applied = 8, Pending = 2 };

        Assert.Equal(InvariantStatus.NotMeasured, LedgerCheck.Judge(SampleRuns.Scenario(Plain), With(totals)).Status);
    }

    [Fact]
    public void Judge_EverythingAppliedWithOffsetsStillToCommit_Passes()
    {
        // Campaign seed 108: 2,007 produced and applied, the group's commits still behind at the end (pending 1).
        var totals = new RunTotals { Produced = 2_007, Applied = 2_007, Pending = 1 };

        Assert.Equal(InvariantStatus.Pass, LedgerCheck.Judge(SampleRuns.Scenario(Plain), With(totals)).Status);
    }

    [Theory]
    [InlineData("- { type: add_partitions, at: 10s, partitions: 6 }", "the topic grew")]
    [InlineData("- { type: kill, at: 10s, instance: 1 }", "killed instance")]
    [InlineData("- { type: restart_broker, at: 10s }", "broker restart")]
    public void Judge_OrderViolationsWhereOrderIsNotPromised_PassWithTheReason(string action, string reason)
    {
        var scenario = SampleRuns.Scenario(Plain + "\nactions:\n  " + action + "\n");
        var totals = new RunTotals { Produced = 10, Applied = 10, OrderViolations = 3 };

        var result = LedgerCheck.Judge(scenario, With(totals));

        Assert.Equal(InvariantStatus.Pass, result.Status);
        Assert.Contains(reason, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_StaticMemberBackBeforeItsSessionEnds_OrderIsPromised()
    {
        var scenario = SampleRuns.Scenario(Plain.Replace("buffer: durable", "buffer: durable, static_membership: true, session_timeout: 10s", StringComparison.Ordinal)
            + "\nactions:\n  - { type: kill, at: 10s, instance: 1, restart_after: 5s }\n");

        Assert.Equal(InvariantStatus.Fail, LedgerCheck.Judge(scenario, With(new RunTotals { Produced = 10, Applied = 10, OrderViolations = 1 })).Status);
    }

    private static RunResults With(RunTotals totals) => SampleRuns.Results() with { Totals = totals, Notes = [] };
}
