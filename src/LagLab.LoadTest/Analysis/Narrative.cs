using System.Globalization;
using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Analysis;

/// <summary>
/// The report's explanations: sentences built only from numbers the run measured (and the scenario's setup that
/// explains them), never from expectations.
/// </summary>
internal static class Narrative
{
    public static List<string> Findings(RunResults run)
    {
        var f = RunFacts.Of(run);
        var t = run.Totals;
        var lines = new List<string>();
        // A crash comes first: every other number of the run was measured around it.
        lines.AddRange(run.UnexpectedExits.Select(e => $"{e.Name} exited without the timeline asking ({e.Signal ?? "exit code " + e.ExitCode.ToString(CultureInfo.InvariantCulture)}) at {When(run, e.T)}: {e.Then}. That alone fails the run."));
        lines.Add($"Lag peaked at {N(t.MaxLag)} events ({N(t.MaxPartitionLag)} on the worst partition) at {When(run, t.MaxLagAt)}; the oldest unconsumed event was then up to {Secs(t.MaxTimeLag)} old.");
        if (f.Days.Count >= 2)
        {
            lines.Add($"Lag at the end of each day: {string.Join(", ", f.Days.Select(d => $"day {d.Day} {N(d.EndLag)}"))}" +
                (Grows(f) ? $" — it grew by about {N((long)f.GrowthPerDay)} per day, and at its lowest it was {string.Join(" → ", f.Days.Select(d => N(d.MinLag)))}." : $" — it drained off-peak every day (lowest of each day: {string.Join(", ", f.Days.Select(d => N(d.MinLag)))})."));
        }
        lines.Add($"Peak inflow was {R(f.PeakInflow)}/s; the bank applied at most {R(f.PeakApplied)}/s (its limit: {R(f.BankLimit)}/s){(f.PeakInflow > f.PeakApplied * 1.02 ? ", so at peak the excess piled up as lag" : "")}.");
        if (f.Deploys > 0)
        {
            lines.Add($"{f.Deploys} rolling deploy{(f.Deploys == 1 ? "" : "s")} ({run.Setup.Assignor}{(run.Setup.StaticMembership ? ", static membership" : "")}): the whole group stopped {Secs(f.MeanDeployGroupPause)} per deploy (at most {Secs(f.MaxDeployGroupPause)}); single partitions waited up to {Secs(f.MaxDeployPause)} (mean of the longest {Secs(f.MeanDeployPause)}); the group was rebalancing {Secs(f.MeanDeployRebalance)} per deploy.");
        }
        if (run.Mechanisms is { Restarts.Count: > 0 } restarted)
        {
            lines.Add(Restarts(restarted));
        }
        lines.Add(Alerts(run, f));
        lines.Add($"{(t.Errors + t.Timeouts == 0 ? "No errors" : $"{N(t.Errors)} errors and {N(t.Timeouts)} timeouts")} at the bank, {N(t.Rejected)} calls rate-limited (429); pipeline CPU peaked at {t.PeakCpuPercent:0}% of a core and memory at {t.PeakRssMegabytes:0} MB.");
        lines.Add($"{N(t.Produced)} events produced, {N(t.Applied)} applied, {N(t.Lost)} lost, {N(t.DoublyApplied)} applied twice ({N(t.Duplicates)} re-sent requests refused by the bank's idempotency ledger), {N(t.OrderViolations)} out of order; p99 end-to-end delay {Secs(run.Delay.P99)}.");
        if (run.Forecast is { Error: null } forecast)
        {
            lines.Add(ForecastSentence(forecast));
        }
        if (run.MeasuredForecast is { Error: null } measured && run.Mechanisms is { } mechanisms)
        {
            lines.Add(MeasuredForecastSentence(measured, mechanisms));
        }
        return lines;
    }

    public static List<string> Compare(RunResults a, RunResults b)
    {
        var fa = RunFacts.Of(a);
        var fb = RunFacts.Of(b);
        var lines = new List<string>();
        var (worse, better, fw, fbt) = a.Totals.MaxLag >= b.Totals.MaxLag ? (a, b, fa, fb) : (b, a, fb, fa);

        if (Grows(fw) && !Grows(fbt))
        {
            lines.Add($"{worse.Scenario}'s lag grew by about {N((long)fw.GrowthPerDay)} events per day (end of day: {string.Join(" → ", fw.Days.Select(d => N(d.EndLag)))}; lowest of each day: {string.Join(" → ", fw.Days.Select(d => N(d.MinLag)))}) because the bank applied at most {R(fw.PeakApplied)}/s while peak inflow was {R(fw.PeakInflow)}/s; {better.Scenario}'s lag rose at peak (up to {N(fbt.Days.Max(d => d.MaxLag))}) and drained off-peak every day (lowest of each day: {string.Join(" → ", fbt.Days.Select(d => N(d.MinLag)))}).");
        }
        lines.Add($"Maximum lag: {worse.Scenario} {N(worse.Totals.MaxLag)} vs {better.Scenario} {N(better.Totals.MaxLag)} events{Ratio(worse.Totals.MaxLag, better.Totals.MaxLag)}; oldest unconsumed event {Secs(worse.Totals.MaxTimeLag)} vs {Secs(better.Totals.MaxTimeLag)}.");
        lines.Add($"Throughput at peak: {worse.Scenario} applied at most {R(fw.PeakApplied)}/s with {Describe(worse)}; {better.Scenario} applied {R(fbt.PeakApplied)}/s with {Describe(better)} (bank limit {R(fbt.BankLimit)}/s, peak inflow {R(fbt.PeakInflow)}/s).");
        if (fw.Deploys > 0 || fbt.Deploys > 0)
        {
            lines.Add($"Deploys stopped {worse.Scenario}'s whole group {Secs(fw.MeanDeployGroupPause)} each ({worse.Setup.Assignor}{(worse.Setup.StaticMembership ? ", static" : "")}; single partitions waited up to {Secs(fw.MaxDeployPause)}) against {Secs(fbt.MeanDeployGroupPause)} for {better.Scenario} ({better.Setup.Assignor}{(better.Setup.StaticMembership ? " with static membership" : "")}; single partitions waited up to {Secs(fbt.MaxDeployPause)} while their instance restarted).");
        }
        lines.Add($"Alerts: {worse.Scenario} reached {worse.Totals.HighestAlert}{FiredAt(worse, fw)}; {better.Scenario} reached {better.Totals.HighestAlert}{FiredAt(better, fbt)}.");
        lines.Add($"p99 end-to-end delay: {worse.Scenario} {Secs(worse.Delay.P99)} vs {better.Scenario} {Secs(better.Delay.P99)}.");
        var quiet = a.Totals.Errors + a.Totals.Timeouts + b.Totals.Errors + b.Totals.Timeouts == 0;
        lines.Add($"{(quiet ? "Neither run had a bank error or timeout" : $"Bank errors/timeouts: {worse.Scenario} {N(worse.Totals.Errors + worse.Totals.Timeouts)}, {better.Scenario} {N(better.Totals.Errors + better.Totals.Timeouts)}")}; pipeline CPU peaked at {worse.Totals.PeakCpuPercent:0}% vs {better.Totals.PeakCpuPercent:0}% of a core, memory at {worse.Totals.PeakRssMegabytes:0} vs {better.Totals.PeakRssMegabytes:0} MB{(quiet ? " — the dashboards of the write-up would have shown both as healthy; only lag tells them apart" : "")}.");
        lines.Add($"Forecast error on the maximum lag (from the scenario / from the mechanisms measured): {ForecastErrors(worse)} for {worse.Scenario}; {ForecastErrors(better)} for {better.Scenario}.");
        lines.Add($"Verdict: {Verdict(worse)}; {Verdict(better)}.");
        return lines;
    }

    public static string ForecastSentence(ForecastComparison f)
    {
        var sentence = string.Create(CultureInfo.InvariantCulture,
            $"{(string.IsNullOrEmpty(f.Basis) ? "From the scenario as written" : f.Basis)}, the capacity model forecast a maximum lag of {N((long)Math.Round(f.ForecastMaxLag))}{(f.RangeLow is { } lo && f.RangeHigh is { } hi ? $" (the midpoint of its range {N((long)Math.Round(lo))} to {N((long)Math.Round(hi))})" : "")}; measured {N((long)f.MeasuredMaxLag)}: error {N((long)Math.Round(f.ForecastMaxLag - f.MeasuredMaxLag))} events ({f.ErrorPercent:+0.0;-0.0;0}% of the measured maximum)");
        // A fluid model has no lag below capacity; what is measured then is work in flight (a commit interval's worth).
        return f.MeasuredMaxLag < SmallLag
            ? sentence + $"; lag this small is events in flight between commits, which the fluid model leaves out, so the percentage means little."
            : sentence + ".";
    }

    /// <summary>The forecast from measured mechanisms, with the inputs it used: the model's own error.</summary>
    public static string MeasuredForecastSentence(ForecastComparison f, MeasuredMechanisms m) =>
        string.Create(CultureInfo.InvariantCulture,
            $"From the mechanisms this run measured ({Mechanisms(m)}), the same model forecast {N((long)Math.Round(f.ForecastMaxLag))}: error {N((long)Math.Round(f.ForecastMaxLag - f.MeasuredMaxLag))} events ({f.ErrorPercent:+0.0;-0.0;0}%){(f.MeasuredMaxLag < SmallLag ? "; lag this small is work in flight, so the percentage means little" : "")}.");

    /// <summary>The measured mechanism inputs in words (what is left out was not seen in the run; the scenario's value is used).</summary>
    public static string Mechanisms(MeasuredMechanisms m)
    {
        var parts = new List<string>();
        if (m.CallsPerSecond is { } calls)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{R(calls)} calls/s while backlogged over {Secs(m.BackloggedSeconds)}") +
                (m.PerCallSeconds is { } pc ? string.Create(CultureInfo.InvariantCulture, $", {pc * 1000:0.#} ms per blocking call ({m.CallOverheadSeconds * 1000:0.#} ms over the bank's mean)") : "") +
                (m.EffectiveBudget is { } b ? $", used as the fleet's effective budget ({R(b)}/s)" : ""));
        }
        else
        {
            parts.Add($"never backlogged long enough to measure throughput ({Secs(m.BackloggedSeconds)})");
        }
        if (m.RestartSeconds is { } r)
        {
            parts.Add($"an instance away {Secs(r)} per restart (from its restart events)");
        }
        if (m.RebalanceSeconds is { } rb)
        {
            parts.Add($"{Secs(rb)} per eager rebalance (from ownership lines)");
        }
        if (m.DeployReplays.Count > 0)
        {
            parts.Add($"re-sent after each restart: {string.Join(", ", m.DeployReplays.Select(x => N((long)Math.Round(x))))} per deploy");
        }
        return string.Join("; ", parts);
    }

    /// <summary>Restarts phase by phase (means over every restart), measured from events, and the longest partition pause.</summary>
    public static string Restarts(MeasuredMechanisms m)
    {
        var phases = new[] { RestartPhase.Stop, RestartPhase.Replacement, RestartPhase.Startup, RestartPhase.Join, RestartPhase.FirstRecord }
            .Select(name => (name, values: m.Restarts.Select(r => r.Phase(name)).Where(v => v is not null).Select(v => v!.Value).ToList()))
            .Where(p => p.values.Count > 0)
            .Select(p => $"{p.name} {Secs(p.values.Average())}");
        var longest = m.LongestPartitionPause is { } l ? $"; the longest pause of any partition was {Secs(l)} (bank ledger: last record applied before the exit → first after)" : "";
        return $"{m.Restarts.Count} instance restart{(m.Restarts.Count == 1 ? "" : "s")}, measured from events (mean per restart): {string.Join(", ", phases)}{longest}.";
    }

    /// <summary>"+3.1% / -2.0%": the error of the forecast from the scenario, then from the measured mechanisms.</summary>
    public static string ForecastErrors(RunResults run)
    {
        static string Error(ForecastComparison? f) => f is { Error: null } ? string.Create(CultureInfo.InvariantCulture, $"{f.ErrorPercent:+0.0;-0.0;0}%") : "n/a";
        return $"{Error(run.Forecast)} / {Error(run.MeasuredForecast)}";
    }

    /// <summary>Below this, lag is in-flight work rather than backlog, and a relative forecast error is noise.</summary>
    public const double SmallLag = 500;

    /// <summary>Lag that no longer drains: each day ends higher, and the last day's lowest point is far from empty.</summary>
    private static bool Grows(RunFacts f) =>
        f.Days.Count >= 2 && f.GrowthPerDay > Math.Max(100, 0.1 * f.Days.Max(d => d.MaxLag)) && f.Days[^1].MinLag > Math.Max(100, 0.1 * f.Days.Max(d => d.MaxLag));

    private static string Describe(RunResults run) =>
        $"{run.Setup.Partitions} partitions for {run.Setup.Instances} instances, {run.Setup.Processing} processing" +
        (run.Setup.Processing == "blocking" ? " (one bank call at a time per consumer, inside the poll loop)" : $" (up to {run.Setup.Concurrency} calls in flight per instance, {run.Setup.Buffer} buffer)");

    private static string Alerts(RunResults run, RunFacts f)
    {
        if (f.WarningAt is null && f.CriticalAt is null)
        {
            return $"No alert fired (rules: lag > {N(run.Setup.WarningThreshold)} warns, > {N(run.Setup.CriticalThreshold)} is critical, for {Secs(run.Setup.AlertForWallSeconds)} of wall time).";
        }
        return "Alerts: " + string.Join("; ", new[]
        {
            f.WarningAt is { } w ? $"warning fired at {When(run, w)}" : null,
            f.CriticalAt is { } c ? $"critical fired at {When(run, c)}" : null,
        }.Where(s => s is not null)) + $" (judged from the {run.AlertSource}).";
    }

    private static string FiredAt(RunResults run, RunFacts f) =>
        f.CriticalAt is { } c ? $" (critical from {When(run, c)})" : f.WarningAt is { } w ? $" (warning from {When(run, w)})" : "";

    private static string Verdict(RunResults run)
    {
        var failed = run.Verdict.Where(v => !v.Pass).Select(v => v.Name).ToList();
        return failed.Count == 0 ? $"{run.Scenario} held every SLO" : $"{run.Scenario} violated {string.Join(", ", failed)}";
    }

    private static string Ratio(long worse, long better) =>
        better > 0 && worse >= 2 * better ? $" ({(double)worse / better:0.#}×)" : "";

    /// <summary>A run time as the scenario's time: "day 2 14:05 (t=312 s)" for compressed days, else seconds.</summary>
    public static string When(RunResults run, double t)
    {
        var scenario = TimeSpan.FromSeconds(t * run.Setup.TimeScale);
        if (run.Setup.TimeScale > 1 && run.Setup.DayWallSeconds <= run.WallSeconds * 1.01)
        {
            return string.Create(CultureInfo.InvariantCulture, $"day {scenario.Days + 1} {scenario.Hours:00}:{scenario.Minutes:00} (t={t:0} s)");
        }
        return string.Create(CultureInfo.InvariantCulture, $"t={t:0} s");
    }

    private static string N(long value) => Units.Count(value);

    private static string R(double value) => Units.Rate(value);

    private static string Secs(double value) => Units.Seconds(value);
}
