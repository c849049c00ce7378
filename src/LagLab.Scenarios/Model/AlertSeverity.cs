namespace LagLab.Scenarios;

/// <summary>Highest alert severity; ordered, so "allowed up to warning" is a comparison.</summary>
public enum AlertSeverity
{
    None,
    Warning,
    Critical,
}
