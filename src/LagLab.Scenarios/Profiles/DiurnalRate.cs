using System.Globalization;

namespace LagLab.Scenarios.Profiles;

/// <summary>A daily cycle: a cosine between <see cref="Min"/> and <see cref="Max"/>, highest at <see cref="PeakAt"/> of each period.</summary>
public sealed class DiurnalRate(double min, double max, double period, double peakAt) : RateProfile
{
    public double Min { get; } = min;

    public double Max { get; } = max;

    public double Period { get; } = period;

    public double PeakAt { get; } = peakAt;

    private double Mid => (Min + Max) / 2;

    private double Amplitude => (Max - Min) / 2;

    private double Omega => 2 * Math.PI / Period;

    public override double RateAt(double t) => Mid + (Amplitude * Math.Cos(Omega * (t - PeakAt)));

    public override double Integral(double a, double b) =>
        (Mid * (b - a)) + (Amplitude / Omega * (Math.Sin(Omega * (b - PeakAt)) - Math.Sin(Omega * (a - PeakAt))));

    public override double NextChange(double t) => double.PositiveInfinity;

    /// <summary>480 steps per period keeps the mean-rate error of a step below 0.01% of the amplitude.</summary>
    public override double SmoothStep(double t) => Period / 480;

    public override double Peak => Max;

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"diurnal {Min:0.##}..{Max:0.##}/s, period {Scenarios.Duration.Format(TimeSpan.FromSeconds(Period))}, peak at {Scenarios.Duration.Format(TimeSpan.FromSeconds(PeakAt))}");
}
