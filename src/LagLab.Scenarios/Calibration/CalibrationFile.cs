using LagLab.Scenarios.Calibrating;
using LagLab.Scenarios.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LagLab.Scenarios;

/// <summary>Reads and writes calibration files (YAML, schema in docs/forecast.md); the built-in scenarios' ship inside LagLab.</summary>
public static class CalibrationFile
{
    private const string ResourcePrefix = "LagLab.Scenarios.Calibration.";
    private const string Suffix = ".calibration.yaml";

    public static Calibration Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CalibrationException(path, [new ScenarioError("", 0, 0, $"cannot read the file: {ex.Message}")]);
        }
        return Parse(text, path);
    }

    /// <param name="source">Name used in error messages (usually the file path).</param>
    public static Calibration Parse(string yaml, string source)
    {
        var errors = new ErrorSink();
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(new StringReader(yaml)));
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            var (line, column) = ex is YamlException y ? ((int)y.Start.Line, (int)y.Start.Column) : (0, 0);
            throw new CalibrationException(source, [new ScenarioError("", line, column, $"YAML syntax error: {ex.Message}")]);
        }
        if (stream.Documents.Count != 1)
        {
            throw new CalibrationException(source, [new ScenarioError("", 1, 1, stream.Documents.Count == 0 ? "the file is empty" : "expected one YAML document, found several")]);
        }
        var calibration = CalibrationReader.Bind(stream.Documents[0].RootNode, source, errors);
        if (calibration is null || errors.Any)
        {
            throw new CalibrationException(source, errors.Errors);
        }
        return calibration;
    }

    public static string Write(Calibration calibration) => CalibrationWriter.Write(calibration);

    public static void Save(Calibration calibration, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        File.WriteAllText(path, Write(calibration));
    }

    /// <summary>Names of the built-in scenarios that ship with a calibration.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } =
        [.. typeof(CalibrationFile).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^Suffix.Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The shipped calibration of a built-in scenario (scenarios/calibration/NAME.calibration.yaml); null when it has none.</summary>
    public static Calibration? BuiltIn(string scenario)
    {
        using var stream = typeof(CalibrationFile).Assembly.GetManifestResourceStream(ResourcePrefix + scenario + Suffix);
        if (stream is null)
        {
            return null;
        }
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"builtin:calibration/{scenario}{Suffix}");
    }

    /// <summary>A calibration file path, or <c>builtin:NAME</c> for a built-in scenario's shipped calibration.</summary>
    public static Calibration Resolve(string fileOrBuiltIn)
    {
        const string prefix = "builtin:";
        if (fileOrBuiltIn.StartsWith(prefix, StringComparison.Ordinal) && !File.Exists(fileOrBuiltIn))
        {
            var name = fileOrBuiltIn[prefix.Length..];
            return BuiltIn(name) ?? throw new CalibrationException(fileOrBuiltIn, [new ScenarioError("", 0, 0,
                $"no built-in calibration \"{name}\" (built-in: {string.Join(", ", BuiltInNames)})")]);
        }
        return Load(fileOrBuiltIn);
    }
}
