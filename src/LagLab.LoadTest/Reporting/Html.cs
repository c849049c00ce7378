using System.Net;

namespace LagLab.LoadTest.Reporting;

/// <summary>HTML escaping and the report's stylesheet.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public const string Style = """
        :root { --ok: #15803d; --bad: #b91c1c; --muted: #6b7280; --line: #e5e7eb; }
        * { box-sizing: border-box; }
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1180px; padding: 24px; color: #111827; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin: 0 0 4px; } h2 { margin-top: 36px; border-bottom: 2px solid var(--line); padding-bottom: 4px; } h3 { margin-top: 24px; }
        .muted { color: var(--muted); }
        .badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font-weight: 700; color: #fff; font-size: 0.85rem; vertical-align: middle; }
        .pass { background: var(--ok); } .fail { background: var(--bad); }
        td.pass, td.fail { background: none; font-weight: 700; } td.pass { color: var(--ok); } td.fail { color: var(--bad); }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.92rem; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 12px 4px 0; text-align: left; vertical-align: top; }
        th { color: var(--muted); font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
        figure.chart { margin: 16px 0; } figure.chart svg { max-width: 100%; height: auto; border: 1px solid var(--line); }
        figcaption { font-size: 0.85rem; color: var(--muted); }
        ul.findings li { margin: 4px 0; }
        .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
        code { background: #f3f4f6; padding: 1px 4px; border-radius: 3px; }
        h3.failed-check { color: var(--bad); }
        pre.last-lines { background: #111827; color: #f9fafb; padding: 8px 12px; font-size: 0.8rem; overflow-x: auto; max-height: 24em; }
        """;
}
