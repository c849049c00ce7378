namespace LagLab.Scenarios.Profiles;

/// <summary>
/// A profile on the wall clock of a compressed run: periods shrink by <see cref="Factor"/>, rates do not.
/// Wall time w is scenario time w × factor.
/// </summary>
public sealed class ScaledRateProfile(RateProfile inner, double factor) : RateProfile
{
    public RateProfile Inner { get; } = inner;

    public double Factor { get; } = factor;

    public override double RateAt(double t) => Inner.RateAt(t * Factor);

    public override double Integral(double a, double b) => Inner.Integral(a * Factor, b * Factor) / Factor;

    public override double NextChange(double t) => Inner.NextChange(t * Factor) / Factor;

    public override double SmoothStep(double t) => Inner.SmoothStep(t * Factor) / Factor;

    public override double Peak => Inner.Peak;

    public override string Describe() => Inner.Describe();
}
