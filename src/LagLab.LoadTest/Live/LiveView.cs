using System.Globalization;
using LagLab.LoadTest.Sampling;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LagLab.LoadTest.Live;

/// <summary>
/// Shows runs while they run: a Spectre.Console live display on a terminal (progress with time left, lag per
/// partition, rates, alerts and actions as they happen), or plain lines when stdout is not a terminal, so CI logs
/// stay readable.
/// </summary>
internal static class LiveView
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PlainStatusEvery = TimeSpan.FromSeconds(10);

    public static LiveViewMode Resolve(LiveViewMode mode) =>
        mode != LiveViewMode.Auto ? mode
        : !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive ? LiveViewMode.Rich
        : LiveViewMode.Plain;

    /// <summary>Shows <paramref name="recorders"/> until <paramref name="work"/> completes (it is not awaited here).</summary>
    public static Task ShowAsync(IReadOnlyList<RunRecorder> recorders, Task work, LiveViewMode mode, TextWriter output) =>
        Resolve(mode) switch
        {
            LiveViewMode.Rich => RichAsync(recorders, work),
            LiveViewMode.Plain => PlainAsync(recorders, work, output),
            _ => Task.CompletedTask,
        };

    private static async Task RichAsync(IReadOnlyList<RunRecorder> recorders, Task work)
    {
        await AnsiConsole.Live(Build(recorders)).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async context =>
        {
            while (!work.IsCompleted)
            {
                context.UpdateTarget(Build(recorders));
                await Task.WhenAny(work, Task.Delay(Refresh));
            }
            context.UpdateTarget(Build(recorders));
        });
    }

    private static IRenderable Build(IReadOnlyList<RunRecorder> recorders)
    {
        var panels = recorders.Select(r => Panel(r.Snapshot())).ToList();
        return panels.Count == 1 ? panels[0] : new Columns(panels) { Expand = true };
    }

    private static Panel Panel(LiveSnapshot s)
    {
        var rows = new List<IRenderable>
        {
            new Markup(ProgressLine(s)),
            new Markup(string.Create(CultureInfo.InvariantCulture,
                $"produced [blue]{s.ProducedRate,6:0.#}/s[/]  applied [green]{s.AppliedRate,6:0.#}/s[/]  bank limit [red]{s.BankLimit:0.#}/s[/]")),
            new Markup(string.Create(CultureInfo.InvariantCulture,
                $"lag [bold]{s.TotalLag:N0}[/]  oldest {s.MaxTimeLag:0.#}s  group {Markup.Escape(s.GroupState)} ({s.Members} members)")),
        };
        if (s.Lag.Length > 0)
        {
            var chart = new BarChart().Width(56);
            for (var p = 0; p < s.Lag.Length && p < 12; p++)
            {
                chart.AddItem($"p{p}", s.Lag[p], s.Lag[p] > 10_000 ? Color.Red : s.Lag[p] > 1_000 ? Color.Yellow : Color.Green);
            }
            rows.Add(chart);
        }
        rows.Add(new Markup(s.FiringAlerts.Count == 0
            ? "alerts: [green]none firing[/]"
            : "alerts: [red]" + Markup.Escape(string.Join(", ", s.FiringAlerts.Take(4))) + (s.FiringAlerts.Count > 4 ? $" +{s.FiringAlerts.Count - 4}" : "") + "[/]"));
        rows.Add(new Markup(ExitsLine(s, markup: true)));
        foreach (var e in s.RecentEvents.TakeLast(6))
        {
            var colour = e.Kind switch { "alert" or "exit" => "red", "action" => "purple", "note" => "yellow", _ => "grey" };
            rows.Add(new Markup(string.Create(CultureInfo.InvariantCulture, $"[{colour}]{e.T,6:0}s[/] {Markup.Escape(Trim(e.Text, 70))}")));
        }
        return new Panel(new Rows(rows)) { Header = new PanelHeader($" {Markup.Escape(s.Title)} "), Expand = true };
    }

    private static string ProgressLine(LiveSnapshot s)
    {
        const int width = 30;
        var fraction = s.Total <= 0 ? 0 : Math.Clamp(s.Elapsed / s.Total, 0, 1);
        var filled = (int)Math.Round(fraction * width);
        var left = Math.Max(0, s.Total - s.Elapsed);
        return string.Create(CultureInfo.InvariantCulture,
            $"[green]{new string('█', filled)}[/][grey]{new string('░', width - filled)}[/] {fraction * 100,3:0}%  {s.Elapsed:0}s / {s.Total:0}s, {left:0}s left  [grey]{Markup.Escape(s.Phase)}[/]");
    }

    private static async Task PlainAsync(IReadOnlyList<RunRecorder> recorders, Task work, TextWriter output)
    {
        var gate = new Lock();
        void OnEvent(RunRecorder recorder, TimelineEvent e)
        {
            lock (gate)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{recorder.Title} {e.T,5:0}s] {e.Kind}: {e.Text}"));
                output.Flush();
            }
        }
        var handlers = recorders.Select(r => (r, (Action<TimelineEvent>)(e => OnEvent(r, e)))).ToList();
        foreach (var (recorder, handler) in handlers)
        {
            recorder.EventRecorded += handler;
        }
        try
        {
            while (!work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(PlainStatusEvery));
                lock (gate)
                {
                    foreach (var recorder in recorders)
                    {
                        output.WriteLine(StatusLine(recorder.Snapshot()));
                    }
                    output.Flush();
                }
            }
        }
        finally
        {
            foreach (var (recorder, handler) in handlers)
            {
                recorder.EventRecorded -= handler;
            }
        }
    }

    public static string StatusLine(LiveSnapshot s)
    {
        var partitions = string.Join(" ", s.Lag.Take(12).Select((l, p) => string.Create(CultureInfo.InvariantCulture, $"p{p}={l}")));
        var fraction = s.Total <= 0 ? 0 : Math.Clamp(s.Elapsed / s.Total, 0, 1);
        return string.Create(CultureInfo.InvariantCulture,
            $"[{s.Title} {s.Elapsed,5:0}s] {fraction * 100:0}% ({Math.Max(0, s.Total - s.Elapsed):0}s left, {s.Phase}) lag {s.TotalLag:N0} [{partitions}] oldest {s.MaxTimeLag:0.#}s | produced {s.ProducedRate:0.#}/s applied {s.AppliedRate:0.#}/s limit {s.BankLimit:0.#}/s | group {s.GroupState} x{s.Members} | alerts: {(s.FiringAlerts.Count == 0 ? "none" : string.Join(", ", s.FiringAlerts.Take(3)))} | {ExitsLine(s, markup: false)}");
    }

    /// <summary>The always-on check, live: <c>unexpected exits: 0</c>, or the count and the latest ones in red.</summary>
    public static string ExitsLine(LiveSnapshot s, bool markup)
    {
        if (s.UnexpectedExits.Count == 0)
        {
            return markup ? "unexpected exits: [green]0[/]" : "unexpected exits: 0";
        }
        var text = $"unexpected exits: {s.UnexpectedExits.Count} ({string.Join(", ", s.UnexpectedExits.TakeLast(2))})";
        return markup ? $"[red]{Markup.Escape(text)}[/]" : text;
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
