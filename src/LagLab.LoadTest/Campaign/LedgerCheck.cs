using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Campaign;

/// <summary>
/// Invariant (b): the bank's ledger is exact: nothing lost, nothing applied twice, no account's events applied out
/// of order. A run whose backlog did not drain cannot show that nothing was lost, so it is not measured.
/// </summary>
internal static class LedgerCheck
{
    public static InvariantResult Judge(RunResults? results)
    {
        if (results is null)
        {
            return Result(InvariantStatus.NotMeasured, "no results.json");
        }
        var t = results.Totals;
        if (results.Rates.Count == 0 || results.Notes.Any(n => n.Contains("final ledger stats could not be read", StringComparison.Ordinal)))
        {
            return Result(InvariantStatus.NotMeasured, "the bank's ledger was not read at the end of the run");
        }
        var counts = $"{t.Produced} produced, {t.Applied} applied, {t.Lost} lost, {t.DoublyApplied} doubly applied, {t.OrderViolations} order violations, {t.Pending} pending, {t.Duplicates} re-sent";
        if (t.Lost > 0 || t.DoublyApplied > 0 || t.OrderViolations > 0)
        {
            return Result(InvariantStatus.Fail, counts);
        }
        if (t.Pending > 0)
        {
            return Result(InvariantStatus.NotMeasured, $"the backlog did not drain in time, so loss cannot be judged: {counts}");
        }
        if (t.Produced == 0)
        {
            return Result(InvariantStatus.NotMeasured, "nothing was produced");
        }
        return Result(InvariantStatus.Pass, counts);
    }

    private static InvariantResult Result(InvariantStatus status, string detail) => new(InvariantResult.LedgerExact, status, detail);
}
