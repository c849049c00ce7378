namespace LagLab.Scenarios;

/// <summary>A scenario that cannot be used; carries every error found, in file order, not just the first.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Errors listed in the message; the rest are counted ("... and N more").</summary>
    public const int MaxListed = 50;

    public ScenarioException(string scenario, IReadOnlyList<ScenarioError> errors)
        : this(scenario, errors, errors.Count)
    {
    }

    /// <param name="total">How many errors were found, when only the first <paramref name="errors"/> were kept.</param>
    public ScenarioException(string scenario, IReadOnlyList<ScenarioError> errors, int total)
        : base(Describe(scenario, InFileOrder(errors), Math.Max(total, errors.Count)))
    {
        Scenario = scenario;
        Errors = InFileOrder(errors);
        Total = Math.Max(total, errors.Count);
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
        Total = 0;
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
        Scenario = "scenario";
        Errors = [];
        Total = 0;
    }

    /// <summary>The file (or <c>builtin:NAME</c>) the errors are in.</summary>
    public string Scenario { get; }

    /// <summary>The errors kept (the first ones found), in file order.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    /// <summary>Every error found, including those not kept.</summary>
    public int Total { get; }

    private static ScenarioError[] InFileOrder(IReadOnlyList<ScenarioError> errors) =>
        [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];

    private static string Describe(string scenario, IReadOnlyList<ScenarioError> errors, int total) =>
        total switch
        {
            0 => $"{scenario}: invalid scenario.",
            1 when errors.Count == 1 => errors[0].Format(scenario),
            _ => $"{total} errors in {scenario}:" + Environment.NewLine +
                 string.Join(Environment.NewLine, errors.Take(MaxListed).Select(e => "  " + e.Format(scenario))) +
                 (total > MaxListed ? $"{Environment.NewLine}  ... and {total - Math.Min(MaxListed, errors.Count)} more" : ""),
        };
}
