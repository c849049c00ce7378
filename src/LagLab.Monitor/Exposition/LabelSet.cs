using System.Diagnostics;

namespace LagLab.Monitor.Exposition;

/// <summary>An immutable set of label pairs, sorted by name, compared by value (the identity of a series).</summary>
internal sealed class LabelSet : IEquatable<LabelSet>
{
    public const string MetricName = "__name__";

    private readonly KeyValuePair<string, string>[] _pairs;
    private readonly int _hash;

    private LabelSet(KeyValuePair<string, string>[] sortedPairs)
    {
        _pairs = sortedPairs;
        var hash = new HashCode();
        foreach (var (name, value) in _pairs)
        {
            hash.Add(name, StringComparer.Ordinal);
            hash.Add(value, StringComparer.Ordinal);
        }
        _hash = hash.ToHashCode();
    }

    public static LabelSet Empty { get; } = new([]);

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    internal ReadOnlySpan<KeyValuePair<string, string>> PairSpan => _pairs;

    public static LabelSet Of(params ReadOnlySpan<(string Name, string Value)> pairs)
    {
        var array = new KeyValuePair<string, string>[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            array[i] = new(pairs[i].Name, pairs[i].Value);
        }
        return From(array);
    }

    public static LabelSet From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var array = pairs.Where(p => p.Value.Length > 0).ToArray();
        Array.Sort(array, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < array.Length; i++)
        {
            if (array[i].Key == array[i - 1].Key)
            {
                throw new ArgumentException($"Label '{array[i].Key}' appears twice.", nameof(pairs));
            }
        }
        return new LabelSet(array);
    }

    /// <summary>Pairs already sorted by name, without duplicates or empty values (the exposition's own label sets).</summary>
    public static LabelSet FromSorted(params KeyValuePair<string, string>[] sortedPairs)
    {
        Debug.Assert(sortedPairs.Zip(sortedPairs.Skip(1)).All(p => string.CompareOrdinal(p.First.Key, p.Second.Key) < 0), "pairs must be sorted");
        return new LabelSet(sortedPairs);
    }

    /// <summary>This set with <c>__name__</c> set (inserted in order, no re-sort).</summary>
    public LabelSet WithName(string name)
    {
        var pairs = new List<KeyValuePair<string, string>>(_pairs.Length + 1);
        var inserted = false;
        foreach (var pair in _pairs)
        {
            var order = string.CompareOrdinal(pair.Key, MetricName);
            if (order == 0)
            {
                continue;
            }
            if (!inserted && order > 0)
            {
                pairs.Add(new(MetricName, name));
                inserted = true;
            }
            pairs.Add(pair);
        }
        if (!inserted)
        {
            pairs.Add(new(MetricName, name));
        }
        return new LabelSet([.. pairs]);
    }

    /// <summary>The value of a label; empty when absent (as in Prometheus).</summary>
    public string Get(string name)
    {
        foreach (var (key, value) in _pairs)
        {
            if (key == name)
            {
                return value;
            }
        }
        return "";
    }

    public LabelSet Keep(IReadOnlyCollection<string> names) => Filter(names, keep: true);

    public LabelSet Drop(IReadOnlyCollection<string> names) => Filter(names, keep: false);

    public LabelSet WithoutName() => Filter([MetricName], keep: false);

    // Hot in alert evaluation (hundreds of thousands of series per cycle): no LINQ, one array.
    private LabelSet Filter(IReadOnlyCollection<string> names, bool keep)
    {
        var count = 0;
        foreach (var pair in _pairs)
        {
            count += names.Contains(pair.Key) == keep ? 1 : 0;
        }
        if (count == _pairs.Length)
        {
            return this;
        }
        var result = new KeyValuePair<string, string>[count];
        var i = 0;
        foreach (var pair in _pairs)
        {
            if (names.Contains(pair.Key) == keep)
            {
                result[i++] = pair;
            }
        }
        return new LabelSet(result);
    }

    /// <summary>Sets (or, with an empty value, removes) labels; later pairs win.</summary>
    public LabelSet With(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var merged = _pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            merged[key] = value;
        }
        return From(merged);
    }

    // Compared pair by pair with ordinal string equality: SequenceEqual on KeyValuePair falls back to
    // ValueType.Equals, which boxes both pairs and reflects over their fields (a third of the alert stage).
    public bool Equals(LabelSet? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null || _hash != other._hash || _pairs.Length != other._pairs.Length)
        {
            return false;
        }
        for (var i = 0; i < _pairs.Length; i++)
        {
            if (!string.Equals(_pairs[i].Key, other._pairs[i].Key, StringComparison.Ordinal)
                || !string.Equals(_pairs[i].Value, other._pairs[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => _hash;

    public override string ToString() => "{" + string.Join(", ", _pairs.Select(p => $"{p.Key}=\"{p.Value}\"")) + "}";
}
