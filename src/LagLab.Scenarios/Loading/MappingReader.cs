using YamlDotNet.RepresentationModel;

namespace LagLab.Scenarios.Loading;

/// <summary>
/// Reads the fields of one YAML mapping. Every field a binder asks for becomes "known"; <see cref="Finish"/>
/// reports every other field as unknown (with a "did you mean"), so typos never pass silently.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _known = [];

    private MappingReader(YamlMappingNode node, string path, ErrorSink errors)
    {
        Node = node;
        Path = path;
        Errors = errors;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                _fields[name] = (key, value);
            }
            else
            {
                errors.Add(key, path, "field names must be plain words");
            }
        }
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public ErrorSink Errors { get; }

    public static MappingReader? Open(YamlNode node, string path, ErrorSink errors)
    {
        if (node is YamlMappingNode map)
        {
            return new MappingReader(map, path, errors);
        }
        errors.Add(node, path, $"expected a mapping (fields), got a {Scalars.Kind(node)}");
        return null;
    }

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key)
    {
        Know(key);
        return _fields.ContainsKey(key);
    }

    /// <summary>The value node of <paramref name="key"/>, or null when absent.</summary>
    public YamlNode? Get(string key)
    {
        Know(key);
        return _fields.TryGetValue(key, out var field) ? field.Value : null;
    }

    public YamlNode? KeyNode(string key) => _fields.TryGetValue(key, out var field) ? field.Key : null;

    /// <summary>Like <see cref="Get"/>, but a missing field is an error.</summary>
    public YamlNode? Required(string key)
    {
        var node = Get(key);
        if (node is null)
        {
            Errors.Add(Node, PathOf(key), "missing required field");
        }
        return node;
    }

    public void Error(string key, string message) => Errors.Add(Get(key) ?? Node, PathOf(key), message);

    public double? Number(string key, double min, double max, string what) =>
        Get(key) is { } n ? Scalars.Number(n, PathOf(key), Errors, min, max, what) : null;

    public int? Int(string key, int min, int max, string what) =>
        Get(key) is { } n ? (int?)Scalars.Whole(n, PathOf(key), Errors, min, max, what) : null;

    public long? Long(string key, long min, long max, string what) =>
        Get(key) is { } n ? Scalars.Whole(n, PathOf(key), Errors, min, max, what) : null;

    public double? Rate(string key) => Get(key) is { } n ? Scalars.Rate(n, PathOf(key), Errors) : null;

    public double? RequiredRate(string key) => Required(key) is { } n ? Scalars.Rate(n, PathOf(key), Errors) : null;

    public TimeSpan? Duration(string key, bool allowZero = false) =>
        Get(key) is { } n ? Scalars.Duration(n, PathOf(key), Errors, allowZero) : null;

    public TimeSpan? RequiredDuration(string key, bool allowZero = false) =>
        Required(key) is { } n ? Scalars.Duration(n, PathOf(key), Errors, allowZero) : null;

    public bool? Bool(string key) => Get(key) is { } n ? Scalars.Bool(n, PathOf(key), Errors) : null;

    public string? Text(string key) => Get(key) is { } n ? Scalars.Text(n, PathOf(key), Errors) : null;

    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices)
        where T : struct =>
        Get(key) is { } n ? Scalars.Choice(n, PathOf(key), Errors, choices) : null;

    public MappingReader? Mapping(string key) => Get(key) is { } n ? Open(n, PathOf(key), Errors) : null;

    public YamlSequenceNode? Sequence(string key)
    {
        var node = Get(key);
        if (node is null or YamlSequenceNode)
        {
            return (YamlSequenceNode?)node;
        }
        Errors.Add(node, PathOf(key), $"expected a list, got a {Scalars.Kind(node)}");
        return null;
    }

    /// <summary>Reports every field no binder asked for.</summary>
    public void Finish()
    {
        foreach (var (name, field) in _fields)
        {
            if (_known.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }
            var hint = Suggestions.Closest(name, _known) is { } s
                ? $" (did you mean \"{s}\"?)"
                : $" (known fields: {string.Join(", ", _known)})";
            Errors.Add(field.Key, PathOf(name), $"unknown field \"{name}\"{hint}");
        }
    }

    private void Know(string key)
    {
        if (!_known.Contains(key, StringComparer.Ordinal))
        {
            _known.Add(key);
        }
    }
}
