namespace LagLab.Monitor.Analysis;

/// <summary>A time-lag value in seconds (always finite and ≥ 0) and how it was obtained.</summary>
public readonly record struct TimeLag(double Seconds, TimeLagMethod Method)
{
    public static TimeLag Unknown => new(0, TimeLagMethod.Unknown);

    public static TimeLag CaughtUp => new(0, TimeLagMethod.CaughtUp);

    public bool IsKnown => Method != TimeLagMethod.Unknown;
}
