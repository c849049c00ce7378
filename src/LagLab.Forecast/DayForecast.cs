namespace LagLab.Forecast;

/// <summary>One scenario day: highest and lowest backlog, highest partition lag, and the backlog it ends with.</summary>
public sealed record DayForecast(int Day, double MaxBacklog, double MaxPartitionLag, double MinBacklog, double EndBacklog)
{
    /// <summary>The backlog reached zero at some point of the day.</summary>
    public bool Drained => MinBacklog < 1;
}
