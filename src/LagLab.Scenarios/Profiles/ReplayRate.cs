using System.Globalization;

namespace LagLab.Scenarios.Profiles;

/// <summary>
/// Rates replayed from a CSV: each row's rate holds from its time until the next row's. The last rate holds
/// for ever, or, with a loop period, the whole table repeats every period.
/// </summary>
public sealed class ReplayRate : RateProfile
{
    private readonly double[] _times;
    private readonly double[] _rates;
    private readonly double[] _cumulative;
    private readonly double? _loop;

    /// <param name="points">Sorted by time, first at 0, times strictly increasing, all below the loop period.</param>
    public ReplayRate(IReadOnlyList<(double Time, double Rate)> points, double? loopPeriod, string file)
    {
        _times = [.. points.Select(p => p.Time)];
        _rates = [.. points.Select(p => p.Rate)];
        _loop = loopPeriod;
        File = file;
        _cumulative = new double[_times.Length];
        for (var i = 1; i < _times.Length; i++)
        {
            _cumulative[i] = _cumulative[i - 1] + (_rates[i - 1] * (_times[i] - _times[i - 1]));
        }
    }

    public string File { get; }

    public int Rows => _times.Length;

    private double LoopTotal => CumulativeOnce(_loop!.Value);

    public override double RateAt(double t) => _rates[Index(Fold(t))];

    public override double Integral(double a, double b) => Cumulative(b) - Cumulative(a);

    private double Cumulative(double t)
    {
        if (_loop is not { } period)
        {
            return CumulativeOnce(t);
        }
        var n = Math.Floor(t / period);
        return (n * LoopTotal) + CumulativeOnce(t - (n * period));
    }

    private double CumulativeOnce(double t)
    {
        var i = Index(t);
        return _cumulative[i] + (_rates[i] * (t - _times[i]));
    }

    private double Fold(double t) => _loop is { } period ? t - (Math.Floor(t / period) * period) : t;

    private int Index(double t)
    {
        var i = Array.BinarySearch(_times, t);
        return Math.Max(0, i >= 0 ? i : ~i - 1);
    }

    public override double NextChange(double t)
    {
        var offset = _loop is { } period ? Math.Floor(t / period) * period : 0;
        var i = Index(t - offset) + 1;
        if (i < _times.Length)
        {
            return offset + _times[i];
        }
        return _loop is { } p ? offset + p : double.PositiveInfinity;
    }

    public override double Peak => _rates.Max();

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"replay of {Path.GetFileName(File)} ({Rows} rows, up to {Peak:0.##}/s{(_loop is { } p ? $", looping every {Scenarios.Duration.Format(TimeSpan.FromSeconds(p))}" : "")})");
}
