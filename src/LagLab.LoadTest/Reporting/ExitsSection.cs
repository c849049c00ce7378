using System.Globalization;
using System.Text;
using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;
using static LagLab.LoadTest.Reporting.Html;

namespace LagLab.LoadTest.Reporting;

/// <summary>
/// report.html's account of each part that exited unasked: which, when, how (exit code, signal), what the harness
/// did, and its last output lines, so the reader sees the crash without opening the logs.
/// </summary>
internal static class ExitsSection
{
    public static void Write(StringBuilder html, RunResults run, string prefix)
    {
        if (run.UnexpectedExits.Count == 0)
        {
            return;
        }
        html.Append(CultureInfo.InvariantCulture, $"<h3 id=\"{prefix}unexpected-exits\" class=\"failed-check\">Unexpected exits: {run.UnexpectedExits.Count}</h3>\n");
        html.Append("<p class=\"muted\">Parts that exited without the timeline asking (a crash, a non-zero exit, a signal from outside). Each fails the run, whatever the other checks say; the whole output is in <code>logs/NAME.log</code>.</p>\n");
        foreach (var exit in run.UnexpectedExits)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"exit\" data-part=\"{E(exit.Part)}\" data-name=\"{E(exit.Name)}\">\n");
            html.Append(CultureInfo.InvariantCulture,
                $"<p><b>{E(exit.Name)}</b> {E(exit.Signal ?? "exited")} (exit code {exit.ExitCode}) at {E(Narrative.When(run, exit.T))} ({exit.At:HH:mm:ss} UTC): {E(exit.Then)}. <a href=\"logs/{E(exit.Name)}.log\">log</a></p>\n");
            html.Append(CultureInfo.InvariantCulture, $"<pre class=\"last-lines\">{E(exit.LastLines.Count == 0 ? "(no output)" : string.Join('\n', exit.LastLines))}</pre>\n</div>\n");
        }
    }
}
