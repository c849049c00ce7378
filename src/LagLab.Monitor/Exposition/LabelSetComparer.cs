namespace LagLab.Monitor.Exposition;

/// <summary>Label sets by value, with <see cref="LabelProjection"/> as an alternate key (lookups that build nothing).</summary>
internal sealed class LabelSetComparer : IEqualityComparer<LabelSet>, IAlternateEqualityComparer<LabelProjection, LabelSet>
{
    public static LabelSetComparer Instance { get; } = new();

    public bool Equals(LabelSet? x, LabelSet? y) => x is null ? y is null : x.Equals(y);

    public int GetHashCode(LabelSet obj) => obj.GetHashCode();

    public bool Equals(LabelProjection alternate, LabelSet other) => alternate.Matches(other);

    public int GetHashCode(LabelProjection alternate) => alternate.Hash();

    public LabelSet Create(LabelProjection alternate) => alternate.ToLabelSet();
}
