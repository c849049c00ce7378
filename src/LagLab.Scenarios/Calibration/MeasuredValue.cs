namespace LagLab.Scenarios;

/// <summary>One measured mechanism input with its spread where the probe saw it more than once.</summary>
/// <param name="Value">The value the forecast uses (seconds for times, events or calls per second for rates, events for counts).</param>
/// <param name="Low">Lowest of the <paramref name="Samples"/> measurements; null when measured once.</param>
/// <param name="High">Highest of them; null when measured once.</param>
/// <param name="Samples">How many separate measurements <paramref name="Value"/> summarises (stretches, restarts, deploys).</param>
public sealed record MeasuredValue(double Value, double? Low = null, double? High = null, int Samples = 1)
{
    /// <summary>The mean of <paramref name="values"/> with their spread; null when there are none.</summary>
    public static MeasuredValue? Of(IReadOnlyList<double> values) =>
        values.Count switch
        {
            0 => null,
            1 => new MeasuredValue(values[0]),
            _ => new MeasuredValue(values.Average(), values.Min(), values.Max(), values.Count),
        };
}
