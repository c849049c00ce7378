namespace LagLab.Scenarios;

/// <summary>A scenario that cannot be used; carries every error found, in file order, not just the first.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(string scenario, IReadOnlyList<ScenarioError> errors)
        : base(Describe(scenario, InFileOrder(errors)))
    {
        Scenario = scenario;
        Errors = InFileOrder(errors);
    }

    public ScenarioException()
        : this("scenario", [])
    {
    }

    public ScenarioException(string message)
        : base(message)
    {
        Scenario = "scenario";
        Errors = [];
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
        Scenario = "scenario";
        Errors = [];
    }

    /// <summary>The file (or <c>builtin:NAME</c>) the errors are in.</summary>
    public string Scenario { get; }

    public IReadOnlyList<ScenarioError> Errors { get; }

    private static ScenarioError[] InFileOrder(IReadOnlyList<ScenarioError> errors) =>
        [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];

    private static string Describe(string scenario, IReadOnlyList<ScenarioError> errors) =>
        errors.Count switch
        {
            0 => $"{scenario}: invalid scenario.",
            1 => errors[0].Format(scenario),
            _ => $"{errors.Count} errors in {scenario}:" + Environment.NewLine +
                 string.Join(Environment.NewLine, errors.Select(e => "  " + e.Format(scenario))),
        };
}
