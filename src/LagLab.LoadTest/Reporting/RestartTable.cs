using System.Globalization;
using System.Text;
using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Reporting;

/// <summary>
/// The report's table of restarts, phase by phase, as measured from events (process stop, exit and start, the pipeline's
/// ready and ownership lines, the bank's ledger): what each second of a restart was spent on.
/// </summary>
internal static class RestartTable
{
    private static readonly string[] PhaseNames = [RestartPhase.Stop, RestartPhase.Replacement, RestartPhase.Startup, RestartPhase.Join, RestartPhase.FirstRecord];

    public static void Write(StringBuilder html, RunResults run)
    {
        var restarts = run.Mechanisms?.Restarts ?? [];
        if (restarts.Count == 0)
        {
            return;
        }
        html.Append("<h3 id=\"restarts\">Restarts, measured from events</h3>\n<p class=\"muted\">Each phase runs between two recorded events: <i>stop</i> signal → process exited; <i>replacement</i> exited → new process started (the orchestrator's part, imposed by the scenario); <i>startup</i> → its ready line; <i>join</i> → its partitions assigned (its ownership line); <i>first record</i> → the bank applied the first record of them. <i>Away</i>: stop → the bank applied a record of the old partitions again; <i>longest partition pause</i>: per partition, the last record applied before the exit (or the stop, if later) → the first after. Rebalances from the members' ownership lines; re-sent: requests the bank refused as already applied until the next stop.</p>\n");
        html.Append("<table class=\"restarts\"><tr><th>instance</th><th>at</th><th>during</th>");
        foreach (var name in PhaseNames)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{Html.E(name)}</th>");
        }
        html.Append("<th>away</th><th>longest partition pause</th><th>rebalances</th><th>re-sent</th></tr>\n");
        foreach (var r in restarts.Take(200))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Html.E(r.Instance)}</td><td>{Html.E(Narrative.When(run, r.StopRequested))}</td><td>{Html.E(r.Cause)}</td>");
            foreach (var name in PhaseNames)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Seconds(r.Phase(name))}</td>");
            }
            var rebalances = r.Rebalances.Count == 0 ? "none" : string.Join(", ", r.Rebalances.Select(s => Units.Seconds(s.Seconds)));
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Seconds(r.AwaySeconds)}</td><td class=\"num\">{Seconds(r.LongestPartitionPause)}</td><td>{Html.E(rebalances)}</td><td class=\"num\">{Units.Count(r.Resent)}</td></tr>\n");
        }
        html.Append("</table>\n");
    }

    private static string Seconds(double? value) => value is { } v ? Html.E(Units.Seconds(v)) : "-";
}
