using System.Globalization;

namespace LagLab.Scenarios.Profiles;

/// <summary><see cref="From"/> until <see cref="Start"/>, linear to <see cref="To"/> over <see cref="Over"/> seconds, then held.</summary>
public sealed class RampRate(double from, double to, double start, double over) : RateProfile
{
    public double From { get; } = from;

    public double To { get; } = to;

    public double Start { get; } = start;

    public double Over { get; } = over;

    private double End => Start + Over;

    public override double RateAt(double t) =>
        t <= Start ? From : t >= End ? To : From + ((To - From) * (t - Start) / Over);

    public override double Integral(double a, double b)
    {
        // Antiderivative of the piecewise-linear rate, clamped per piece.
        return Cumulative(b) - Cumulative(a);
    }

    private double Cumulative(double t)
    {
        if (t <= Start)
        {
            return From * t;
        }
        var inRamp = Math.Min(t, End) - Start;
        var rampPart = (From * inRamp) + ((To - From) * inRamp * inRamp / (2 * Over));
        return (From * Start) + rampPart + (t > End ? To * (t - End) : 0);
    }

    public override double NextChange(double t) => t < Start ? Start : t < End ? End : double.PositiveInfinity;

    public override double SmoothStep(double t) => t >= Start && t < End ? Over / 64 : double.PositiveInfinity;

    public override double Peak => Math.Max(From, To);

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"ramp {From:0.##} to {To:0.##}/s over {Scenarios.Duration.Format(TimeSpan.FromSeconds(Over))}");
}
