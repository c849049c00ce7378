namespace LagLab.Monitor.Exposition;

/// <summary>A metric name with its HELP, TYPE and current series (labels exclude the name).</summary>
internal sealed record MetricFamily(string Name, MetricType Type, string Help, IReadOnlyList<(LabelSet Labels, double Value)> Series)
{
    public IEnumerable<Sample> Samples() =>
        Series.Select(s => new Sample(s.Labels.WithName(Name), s.Value));
}
