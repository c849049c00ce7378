using System.Globalization;

namespace LagLab.Scenarios.Profiles;

public sealed class ConstantRate(double rate) : RateProfile
{
    public double Rate { get; } = rate;

    public override double RateAt(double t) => Rate;

    public override double Integral(double a, double b) => Rate * (b - a);

    public override double NextChange(double t) => double.PositiveInfinity;

    public override double Peak => Rate;

    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"constant {Rate:0.##}/s");
}
