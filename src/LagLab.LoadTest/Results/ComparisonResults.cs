namespace LagLab.LoadTest.Results;

/// <summary>Two runs side by side, with the differences explained from the numbers measured.</summary>
public sealed record ComparisonResults(RunResults A, RunResults B, IReadOnlyList<string> Explanations);
