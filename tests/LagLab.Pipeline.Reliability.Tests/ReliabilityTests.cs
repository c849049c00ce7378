using LagLab.Testing;

namespace LagLab.Pipeline.Reliability.Tests;

/// <summary>
/// The "done when": 20,000 events at 300/s through a bank at 200/s with three instances, two SIGKILLs, a rolling
/// restart, a 30 s bank outage and a partition increase 3 -> 12; every event applied exactly once, in per-account order,
/// and present in the results topic. About 2.5 minutes each. Run just these with
/// <c>dotnet test --project tests/LagLab.Pipeline.Reliability.Tests</c> (or filter on the trait Category=Reliability).
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ReliabilityTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    [Fact]
    public async Task Run_MemoryBuffer_EveryEventAppliedOnceInOrder()
    {
        var outcome = await ReliabilityScenario.RunAsync(new ScenarioSettings { Buffer = "memory" }, _dir);

        AssertExactlyOnceInOrder(outcome, 20_000);
    }

    [Fact]
    public async Task Run_DurableBufferWithKillWhileSpooled_EveryEventAppliedOnceInOrder()
    {
        var outcome = await ReliabilityScenario.RunAsync(new ScenarioSettings { Buffer = "durable" }, _dir);

        AssertExactlyOnceInOrder(outcome, 20_000);
        // The second SIGKILL hit while the bank was down: the restarted instance found events in its spool.
        Assert.Contains("replaying them first", outcome.FleetOutput, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private static void AssertExactlyOnceInOrder(ScenarioOutcome outcome, int events)
    {
        var summary = $"ledger: applied {outcome.Ledger.Applied}, duplicates {outcome.Ledger.Duplicates}, order violations {outcome.Ledger.OrderViolations}, " +
            $"rejected {outcome.Ledger.Rejected}, unavailable {outcome.Ledger.Unavailable}; results {outcome.ResultRecords} records for {outcome.DistinctResultEvents} events; " +
            $"elapsed {outcome.Elapsed}\n{outcome.Timeline}";
        // The summary and timeline for whoever reads a passing run; failures add every instance's output.
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        var context = summary + "\n" + outcome.FleetOutput;
        Assert.True(outcome.Ledger.Applied == events, $"Expected {events} applied. {context}");
        Assert.True(outcome.Ledger.OrderViolations == 0, $"Order violations. {context}");
        Assert.True(outcome.MissingResultEvents == 0, $"{outcome.MissingResultEvents} events have no result record. {context}");
        Assert.True(outcome.EventsWithTwoAppliedResults == 0, $"{outcome.EventsWithTwoAppliedResults} events have two 'applied' results. {context}");
        Assert.True(outcome.DeadLetters == 0, $"{outcome.DeadLetters} dead letters for well-formed events. {context}");
    }
}
