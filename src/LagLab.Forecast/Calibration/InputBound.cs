namespace LagLab.Forecast;

/// <summary>
/// The plausible span of one uncalibrated mechanism input, as the forecast's range uses it. Times in seconds,
/// <see cref="MechanismInput.EffectiveBudget"/> in calls/s, <see cref="MechanismInput.RestartReplay"/> in events.
/// </summary>
/// <param name="Name">The input as a scenario or calibration field names it.</param>
/// <param name="Basis">Where the bounds come from, in words.</param>
public sealed record InputBound(MechanismInput Input, string Name, double Low, double High, string Unit, string Basis)
{
    public double Midpoint => (Low + High) / 2;
}
