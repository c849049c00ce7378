using LagLab.Monitor.Exposition;

namespace LagLab.Monitor.Alerting.PromQl;

/// <summary>
/// A series on its way through a comparison. A selected series keeps its labels without <c>__name__</c>
/// and its <see cref="Name"/> apart, so the name is only added to series the comparison keeps (a rule
/// comparing two 100,000-series families used to build 100,000 named label sets to return none).
/// </summary>
internal readonly record struct SelectedSeries(LabelSet Labels, string? Name, double Value)
{
    public static SelectedSeries Of(Sample sample) => new(sample.Labels, null, sample.Value);

    /// <summary>The series' labels with <c>__name__</c>.</summary>
    public LabelSet Full => Name is null ? Labels : Labels.WithName(Name);
}
