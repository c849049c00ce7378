namespace LagLab.Scenarios;

/// <summary>A calibration file that cannot be used; every error names the file, line, column and field.</summary>
public sealed class CalibrationException : Exception
{
    public CalibrationException(string file, IReadOnlyList<ScenarioError> errors)
        : base(Describe(file, errors))
    {
        File = file;
        Errors = errors;
    }

    public CalibrationException()
        : this("calibration", [])
    {
    }

    public CalibrationException(string message)
        : base(message)
    {
        File = "calibration";
        Errors = [];
    }

    public CalibrationException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "calibration";
        Errors = [];
    }

    public string File { get; }

    public IReadOnlyList<ScenarioError> Errors { get; }

    private static string Describe(string file, IReadOnlyList<ScenarioError> errors) =>
        errors.Count switch
        {
            0 => $"{file}: invalid calibration file.",
            1 => errors[0].Format(file),
            _ => $"{errors.Count} errors in {file}:" + Environment.NewLine +
                 string.Join(Environment.NewLine, errors.OrderBy(e => e.Line).ThenBy(e => e.Column).Select(e => "  " + e.Format(file))),
        };
}
