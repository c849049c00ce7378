using LagLab.Monitor.Alerting.PromQl;

namespace LagLab.Monitor.Alerting;

/// <summary>One alerting rule of the rule file, parsed; <see cref="Line"/> is where it starts (1-based).</summary>
internal sealed record AlertRule(
    string Name,
    string GroupName,
    string ExpressionText,
    Expr Expression,
    TimeSpan For,
    IReadOnlyDictionary<string, AlertTemplate> Labels,
    IReadOnlyDictionary<string, AlertTemplate> Annotations,
    int Line);
