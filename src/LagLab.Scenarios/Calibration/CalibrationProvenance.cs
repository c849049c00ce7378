namespace LagLab.Scenarios;

/// <summary>When, on what and how a calibration was measured: enough to rerun it and to judge whether it applies.</summary>
/// <param name="At">When the probe ran (UTC).</param>
/// <param name="Scenario">Name of the scenario the probe was derived from.</param>
/// <param name="Cluster"><c>embedded</c>, or <c>external: BOOTSTRAP</c>.</param>
/// <param name="Fleet"><c>local</c> (instances started by the harness) or <c>external</c>.</param>
/// <param name="Laglab">LagLab's version and commit (the informational version, e.g. <c>1.0.0+2349c0b</c>).</param>
/// <param name="ProbeSeconds">Wall time of the probe's traffic (setup and drain not counted).</param>
/// <param name="How">The probe in words: traffic, deploy, where its report is.</param>
public sealed record CalibrationProvenance(
    DateTimeOffset At,
    string Scenario,
    string Cluster,
    string Fleet,
    string Laglab,
    double ProbeSeconds,
    string How);
