using System.Globalization;

namespace LagLab.Scenarios.Profiles;

/// <summary>A base rate with peak windows that repeat every period (e.g. 09:00-11:00 at 260/s, every day).</summary>
public sealed class PeakWindowsRate : RateProfile
{
    private readonly PeakWindow[] _windows;
    private readonly double _perPeriod;

    /// <param name="windows">Sorted, non-overlapping, each within [0, period].</param>
    public PeakWindowsRate(double baseRate, double period, IReadOnlyList<PeakWindow> windows)
    {
        Base = baseRate;
        Period = period;
        _windows = [.. windows.OrderBy(w => w.Start)];
        _perPeriod = CumulativeInPeriod(period);
    }

    public double Base { get; }

    public double Period { get; }

    public IReadOnlyList<PeakWindow> Windows => _windows;

    public override double RateAt(double t)
    {
        var phase = Phase(t);
        foreach (var w in _windows)
        {
            if (phase >= w.Start && phase < w.End)
            {
                return w.Rate;
            }
        }
        return Base;
    }

    public override double Integral(double a, double b) => Cumulative(b) - Cumulative(a);

    private double Cumulative(double t)
    {
        var periods = Math.Floor(t / Period);
        return (periods * _perPeriod) + CumulativeInPeriod(t - (periods * Period));
    }

    private double CumulativeInPeriod(double phase)
    {
        var total = Base * phase;
        foreach (var w in _windows)
        {
            var covered = Math.Min(phase, w.End) - w.Start;
            if (covered > 0)
            {
                total += (w.Rate - Base) * covered;
            }
        }
        return total;
    }

    private double Phase(double t) => t - (Math.Floor(t / Period) * Period);

    public override double NextChange(double t)
    {
        var periodStart = Math.Floor(t / Period) * Period;
        var phase = t - periodStart;
        foreach (var w in _windows)
        {
            if (w.Start > phase)
            {
                return periodStart + w.Start;
            }
            if (w.End > phase)
            {
                return periodStart + w.End;
            }
        }
        return periodStart + Period + (_windows.Length > 0 ? _windows[0].Start : Period);
    }

    public override double Peak => _windows.Length == 0 ? Base : Math.Max(Base, _windows.Max(w => w.Rate));

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"base {Base:0.##}/s, {_windows.Length} peak window(s) up to {Peak:0.##}/s every {Scenarios.Duration.Format(TimeSpan.FromSeconds(Period))}");
}
