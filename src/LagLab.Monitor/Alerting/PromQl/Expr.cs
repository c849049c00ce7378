namespace LagLab.Monitor.Alerting.PromQl;

/// <summary>A node of the supported PromQL subset; <see cref="Position"/> is its 0-based column in the expression.</summary>
internal abstract record Expr(int Position);
