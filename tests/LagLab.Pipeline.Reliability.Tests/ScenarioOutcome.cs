using LagLab.Contracts;

namespace LagLab.Pipeline.Reliability.Tests;

/// <summary>What a reliability run left behind: the bank's ledger, the results topic and the dead-letter topic.</summary>
internal sealed record ScenarioOutcome(
    LedgerStats Ledger,
    int ResultRecords,
    int DistinctResultEvents,
    int EventsWithTwoAppliedResults,
    int MissingResultEvents,
    int DeadLetters,
    TimeSpan Elapsed,
    string Timeline,
    string FleetOutput);
