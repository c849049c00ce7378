namespace LagLab.Monitor.Analysis;

/// <summary>The analysis settings, derived from <see cref="MonitorOptions"/>.</summary>
internal sealed record AnalyzerOptions
{
    public TimeSpan StatusWindow { get; init; } = TimeSpan.FromSeconds(50);

    public int MinSamples { get; init; } = 3;

    public long AllowedLag { get; init; }

    public int TimelineCapacity { get; init; } = 720;

    public TimeLagMode TimeLagMode { get; init; } = TimeLagMode.Auto;

    /// <summary>Most record reads per cycle in exact mode (cache misses only).</summary>
    public int ExactReadsPerCycle { get; init; } = 100;

    public IReadOnlyList<double> BreachThresholds { get; init; } = [];
}
