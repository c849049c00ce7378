namespace LagLab.Monitor.Alerting;

/// <summary>A rule file that cannot be used; the message names the file, the line and the rule.</summary>
public sealed class RuleFileException(string message) : Exception(message);
