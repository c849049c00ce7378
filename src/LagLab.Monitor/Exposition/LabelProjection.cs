namespace LagLab.Monitor.Exposition;

/// <summary>
/// The label set that <see cref="LabelSet.Keep"/> or <see cref="LabelSet.Drop"/> would return, hashed and
/// compared without being built: vector matching looks up one signature per series, and building them
/// was most of the alert stage's allocations. Hash and equality agree with <see cref="LabelSet"/>'s.
/// </summary>
internal readonly struct LabelProjection(LabelSet source, IReadOnlyCollection<string> names, bool keep)
{
    public int Hash()
    {
        var hash = new HashCode();
        foreach (var (name, value) in source.PairSpan)
        {
            if (names.Contains(name) == keep)
            {
                hash.Add(name, StringComparer.Ordinal);
                hash.Add(value, StringComparer.Ordinal);
            }
        }
        return hash.ToHashCode();
    }

    public bool Matches(LabelSet other)
    {
        var theirs = other.PairSpan;
        var i = 0;
        foreach (var pair in source.PairSpan)
        {
            if (names.Contains(pair.Key) != keep)
            {
                continue;
            }
            if (i == theirs.Length
                || !string.Equals(pair.Key, theirs[i].Key, StringComparison.Ordinal)
                || !string.Equals(pair.Value, theirs[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
            i++;
        }
        return i == theirs.Length;
    }

    public LabelSet ToLabelSet() => keep ? source.Keep(names) : source.Drop(names);
}
