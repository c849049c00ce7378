namespace LagLab.Scenarios.Profiles;

/// <summary>
/// Events per second as a function of time (seconds from the start). Shared by the producer, which asks
/// <see cref="RateAt"/>, and the forecast, which integrates it exactly with <see cref="Integral"/> and steps
/// between <see cref="NextChange"/> points.
/// </summary>
public abstract class RateProfile
{
    /// <summary>Rate at <paramref name="t"/> seconds, events/s, never negative.</summary>
    public abstract double RateAt(double t);

    /// <summary>Events produced in [<paramref name="a"/>, <paramref name="b"/>].</summary>
    public abstract double Integral(double a, double b);

    /// <summary>The first time after <paramref name="t"/> where the rate jumps or changes formula; +∞ if never.</summary>
    public abstract double NextChange(double t);

    /// <summary>Longest step from <paramref name="t"/> over which the rate may be taken as its mean (+∞ when piecewise constant).</summary>
    public virtual double SmoothStep(double t) => double.PositiveInfinity;

    /// <summary>Highest rate the profile ever reaches.</summary>
    public abstract double Peak { get; }

    /// <summary>One line for tables: "diurnal 60..260/s, period 1d".</summary>
    public abstract string Describe();
}
