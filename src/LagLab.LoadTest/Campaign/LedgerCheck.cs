using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Campaign;

/// <summary>
/// Invariant (b): the bank's ledger is exact: nothing lost, nothing applied twice, no account's events applied out
/// of order. A run whose backlog did not drain (events produced and not applied yet) cannot show that nothing was
/// lost, so it is not measured; offsets not committed yet for events the bank applied do not count as backlog here. Order
/// violations fail the run only where the pipeline promises order (<see cref="OrderPromise"/>); elsewhere they are
/// counted in the detail with the documented limit that allows them.
/// </summary>
internal static class LedgerCheck
{
    public static InvariantResult Judge(Scenario scenario, RunResults? results)
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
        var exemption = t.OrderViolations > 0 ? OrderPromise.Exemption(scenario) : null;
        if (t.Lost > 0 || t.DoublyApplied > 0 || (t.OrderViolations > 0 && exemption is null))
        {
            return Result(InvariantStatus.Fail, counts);
        }
        if (exemption is not null)
        {
            counts += $" (order not promised here: {exemption})";
        }
        if (t.Pending > 0 && t.Applied < t.Produced)
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
