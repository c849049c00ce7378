using System.Globalization;
using System.Reflection;
using LagLab.LoadTest.Live;
using LagLab.LoadTest.Reporting;
using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Calibrating;

/// <summary>
/// <c>laglab calibrate</c> as a library: runs the probe (<see cref="ProbeScenario"/>) through the load-test harness,
/// reads what it measured (<see cref="MeasuredMechanisms"/>) and returns it as a <see cref="Scenarios.Calibration"/>
/// that <c>forecast</c> and <c>loadtest</c> accept. The random-scenario campaign calls it in process.
/// </summary>
public static class Calibrator
{
    /// <param name="options">How to run the probe (launcher, output directory for its report, live view, seed); its drain timeout is not used.</param>
    /// <param name="duration">The probe's traffic time; null: <see cref="ProbeScenario.DefaultDuration"/>.</param>
    public static async Task<CalibrationRun> RunAsync(Scenario scenario, LoadTestOptions options, TextWriter output, CancellationToken cancellationToken, TimeSpan? duration = null)
    {
        options.Validate();
        var (probe, how, note) = ProbeScenario.Derive(scenario, duration ?? ProbeScenario.DefaultDuration);
        var load = ReadLoadAverage();
        var directory = Path.GetFullPath(options.OutputDirectory);
        // The probe only needs its backlogged stretches and its deploy: nothing waits for the backlog to drain.
        var run = new ScenarioRun(probe, options with { DrainTimeout = TimeSpan.Zero }, directory);
        var work = run.RunAsync(cancellationToken);
        await LiveView.ShowAsync([run.Recorder], work, options.LiveView, output);
        var results = await work;
        var report = ReportWriter.Write(results, directory);
        var notes = new List<string>();
        if (note is not null)
        {
            notes.Add(note);
        }
        var calibration = From(scenario, probe, results, $"{how}{LoadAverage(load)}; the probe's report: {Relative(report)}", notes);
        return new CalibrationRun(calibration, results, report, notes);
    }

    /// <summary>The calibration a probe's results give (mechanisms the probe did not show are left out, and noted).</summary>
    internal static Scenarios.Calibration From(Scenario scenario, Scenario probe, RunResults results, string how, List<string> notes)
    {
        var m = results.Mechanisms ?? throw new LoadTestException("the probe measured no mechanisms (its analysis did not run)");
        var stretches = MechanismSpread.Stretches(probe, results);
        if (m.CallsPerSecond is null)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the fleet was backlogged in a Stable group for only {m.BackloggedSeconds:0.#} s: per-call time and the effective budget are not measured"));
        }
        var concurrentAtModel = probe.Fleet.Processing == ProcessingMode.Concurrent && m.CallsPerSecond is not null && m.EffectiveBudget is null;
        var mechanisms = new CalibratedMechanisms(
            MechanismSpread.Spread(m.CallsPerSecond, stretches.Select(s => s.CallsPerSecond)),
            m.BackloggedSeconds,
            MechanismSpread.Spread(m.PerCallSeconds, stretches.Select(s => s.PerCallSeconds)),
            // Concurrent and as fast as the model with no overhead: the overhead measured is none.
            concurrentAtModel ? new MeasuredValue(0) : MechanismSpread.Spread(m.CallOverheadSeconds, stretches.Select(s => s.CallOverheadSeconds)),
            MechanismSpread.Spread(m.EffectiveBudget, stretches.Select(s => s.EffectiveBudget)),
            m.RestartSeconds is { } restart ? new MeasuredValue(restart, Samples: probe.Fleet.Instances) : null,
            m.RebalanceSeconds is { } rebalance ? new MeasuredValue(rebalance, Samples: 2 * probe.Fleet.Instances) : null,
            MeasuredValue.Of(m.DeployReplays));
        return new Scenarios.Calibration
        {
            Measured = new CalibrationProvenance(
                results.StartedAt,
                scenario.Name,
                scenario.Cluster.Kind == ClusterKind.Embedded ? "embedded" : $"external: {scenario.Cluster.BootstrapServers}",
                scenario.Fleet.Kind == FleetKind.Local ? "local" : "external",
                Version,
                results.WallSeconds,
                how),
            Topology = CalibrationTopology.Of(scenario),
            Mechanisms = mechanisms,
        };
    }

    /// <summary>The 1-minute load average (Linux), so a calibration says how busy the machine was; null elsewhere.</summary>
    private static string? ReadLoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string LoadAverage(string? load) => load is null ? "" : $", machine load average {load} at the start";

    /// <summary>The report's path relative to the working directory when it is below it (shipped files carry no home paths).</summary>
    private static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>LagLab's version and commit, as the build stamped it (e.g. <c>1.0.0+2349c0b…</c>).</summary>
    public static string Version =>
        typeof(Calibrator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
