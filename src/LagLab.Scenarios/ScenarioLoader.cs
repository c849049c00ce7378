using System.Reflection;
using LagLab.Scenarios.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LagLab.Scenarios;

/// <summary>Loads and validates scenario files; every error names the field path, line and column.</summary>
public static class ScenarioLoader
{
    private const string ResourcePrefix = "LagLab.Scenarios.BuiltIn.";

    /// <summary>Names of the scenarios shipped inside LagLab (<c>incident</c>, <c>fixed</c>, ...).</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } =
        [.. typeof(ScenarioLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>A file path if it exists, else a built-in scenario name (with or without <c>.yaml</c>).</summary>
    public static Scenario Resolve(string fileOrName)
    {
        if (File.Exists(fileOrName))
        {
            return Load(fileOrName);
        }
        var name = Path.GetFileNameWithoutExtension(fileOrName);
        if (!fileOrName.Contains('/', StringComparison.Ordinal) && BuiltInNames.Contains(name))
        {
            return LoadBuiltIn(name);
        }
        throw new ScenarioException(fileOrName, [new ScenarioError("", 0, 0,
            $"no such scenario file, and not a built-in scenario (built-in: {string.Join(", ", BuiltInNames)})")]);
    }

    public static Scenario Load(string path)
    {
        string text;
        try
        {
            text = BoundedFile.ReadAllText(path, BoundedFile.MaxScenarioBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException(path, [new ScenarioError("", 0, 0, $"cannot read the file: {ex.Message}")]);
        }
        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    public static Scenario LoadBuiltIn(string name)
    {
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".yaml")
            ?? throw new ScenarioException($"builtin:{name}", [new ScenarioError("", 0, 0, $"no built-in scenario \"{name}\" (built-in: {string.Join(", ", BuiltInNames)})")]);
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"builtin:{name}", AppContext.BaseDirectory);
    }

    /// <summary>The text of a built-in scenario, e.g. to copy it next to a report.</summary>
    public static string BuiltInText(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + name + ".yaml")
            ?? throw new ArgumentException($"no built-in scenario \"{name}\"", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <param name="source">Name used in error messages (usually the file path).</param>
    /// <param name="baseDirectory">Where relative paths in the scenario (replay CSV) are resolved.</param>
    public static Scenario Parse(string yaml, string source, string baseDirectory)
    {
        var errors = new ErrorSink();
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner ? $"{ex.Message}: {inner.Message}" : ex.Message;
            // YamlDotNet prefixes its own "(Line: .., Col: ..)"; the position goes in front, as for every other error.
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            errors.Add((int)ex.Start.Line, (int)ex.Start.Column, "", "YAML syntax error: " + (message.StartsWith("(Line", StringComparison.Ordinal) && cut > 0 ? message[(cut + 3)..] : message));
            throw errors.ToException(source);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on an unclosed [ or { at the end of the text.
            var at = parser.Current?.End;
            errors.Add((int)(at?.Line ?? 0), (int)(at?.Column ?? 0), "", "YAML syntax error: unexpected end of the file (an unclosed [, { or quote?)");
            throw errors.ToException(source);
        }
        if (stream.Documents.Count != 1)
        {
            errors.Add(1, 1, "", stream.Documents.Count == 0 ? "the file is empty" : "expected one YAML document, found several");
            throw errors.ToException(source);
        }
        var scenario = ScenarioBinder.Bind(stream.Documents[0].RootNode, source, baseDirectory, errors);
        if (scenario is null || errors.Any)
        {
            throw errors.ToException(source);
        }
        return scenario;
    }
}
