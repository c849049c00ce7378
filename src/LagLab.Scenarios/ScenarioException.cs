namespace LagLab.Scenarios;

/// <summary>A scenario that cannot be used; carries every error found, not just the first.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(string source, IReadOnlyList<ScenarioError> errors)
        : this(source, [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)], sorted: true)
    {
    }

    private ScenarioException(string source, ScenarioError[] errors, bool sorted)
        : base(Describe(source, errors))
    {
        _ = sorted;
        Source = source;
        Errors = errors;
    }

    public ScenarioException()
        : this("scenario", [])
    {
    }

    public ScenarioException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<ScenarioError> Errors { get; }

    private static string Describe(string source, IReadOnlyList<ScenarioError> errors) =>
        errors.Count switch
        {
            0 => $"{source}: invalid scenario.",
            1 => errors[0].Format(source),
            _ => $"{errors.Count} errors in {source}:" + Environment.NewLine +
                 string.Join(Environment.NewLine, errors.Select(e => "  " + e.Format(source))),
        };
}
