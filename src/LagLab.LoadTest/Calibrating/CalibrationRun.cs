using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Calibrating;

/// <summary>What <see cref="Calibrator.RunAsync"/> produced: the calibration, the probe's results and its report.</summary>
/// <param name="Notes">What the probe could not measure, and why.</param>
public sealed record CalibrationRun(Scenarios.Calibration Calibration, RunResults Probe, string Report, IReadOnlyList<string> Notes);
