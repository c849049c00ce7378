namespace LagLab.Monitor.Exposition;

/// <summary>
/// The current series indexed by metric name (labels stored without <c>__name__</c>), so a selector with a
/// name looks at its own family only: the alert engine evaluates hundreds of thousands of series per cycle.
/// </summary>
internal sealed class SampleSet
{
    private readonly Dictionary<string, IReadOnlyList<(LabelSet Labels, double Value)>> _byName;

    private SampleSet(Dictionary<string, IReadOnlyList<(LabelSet Labels, double Value)>> byName) => _byName = byName;

    public IEnumerable<string> Names => _byName.Keys;

    public static SampleSet From(IReadOnlyList<MetricFamily> families)
    {
        var byName = new Dictionary<string, IReadOnlyList<(LabelSet, double)>>(StringComparer.Ordinal);
        foreach (var family in families)
        {
            byName[family.Name] = family.Series;
        }
        return new SampleSet(byName);
    }

    public static SampleSet From(IEnumerable<Sample> samples)
    {
        var byName = new Dictionary<string, List<(LabelSet, double)>>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            var name = sample.Labels.Get(LabelSet.MetricName);
            if (!byName.TryGetValue(name, out var list))
            {
                list = [];
                byName[name] = list;
            }
            list.Add((sample.Labels.WithoutName(), sample.Value));
        }
        return new SampleSet(byName.ToDictionary(p => p.Key, p => (IReadOnlyList<(LabelSet, double)>)p.Value, StringComparer.Ordinal));
    }

    public IReadOnlyList<(LabelSet Labels, double Value)> Of(string name) => _byName.TryGetValue(name, out var series) ? series : [];
}
