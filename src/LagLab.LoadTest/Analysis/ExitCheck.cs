using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Analysis;

/// <summary>
/// The <c>unexpected exits</c> check: always on, target 0, in every verdict even when nothing exited, so a reader
/// sees it was checked. A verdict that says PASS while a part crashed is the worst defect a load test can have.
/// </summary>
internal static class ExitCheck
{
    public const string Name = "unexpected exits";

    public static SloResult Judge(IReadOnlyList<UnexpectedExit> exits)
    {
        if (exits.Count == 0)
        {
            return new SloResult(Name, "0", "0", true, "no part (pipeline instance, broker, bank, monitor) exited without the timeline asking");
        }
        var shown = string.Join("; ", exits.Take(3).Select(e => e.Describe()));
        return new SloResult(Name, "0", Units.Count(exits.Count), false, exits.Count > 3 ? $"{shown}; and {exits.Count - 3} more" : shown);
    }

    /// <summary>
    /// The results with the check (and its count in the totals) brought up to <paramref name="exits"/>: a part may exit
    /// after the analysis, while the run stops, and that exit must still fail the run.
    /// </summary>
    public static RunResults Rejudge(RunResults results, IReadOnlyList<UnexpectedExit> exits)
    {
        if (exits.Count == results.UnexpectedExits.Count)
        {
            return results;
        }
        return results with
        {
            UnexpectedExits = exits,
            Totals = results.Totals with { UnexpectedExits = exits.Count },
            Verdict = [Judge(exits), .. results.Verdict.Where(v => v.Name != Name)],
        };
    }
}
