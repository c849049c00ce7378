namespace LagLab.Scenarios;

/// <summary>One problem in a scenario file: where (field path, line, column) and what.</summary>
/// <param name="Path">Dotted field path, e.g. <c>producer.rate.max</c> or <c>actions[2].at</c>.</param>
/// <param name="Line">1-based line in the YAML file (0 when unknown).</param>
/// <param name="Column">1-based column in the YAML file (0 when unknown).</param>
public sealed record ScenarioError(string Path, int Line, int Column, string Message)
{
    /// <summary>Compiler-style text: <c>file:line:column: path: message</c>.</summary>
    public string Format(string source)
    {
        var where = Line > 0 ? $"{source}:{Line}:{Column}" : source;
        return Path.Length == 0 ? $"{where}: {Message}" : $"{where}: {Path}: {Message}";
    }

    public override string ToString() => Format("scenario");
}
