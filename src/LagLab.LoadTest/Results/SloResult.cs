namespace LagLab.LoadTest.Results;

/// <summary>One line of the verdict table.</summary>
public sealed record SloResult(string Name, string Target, string Measured, bool Pass, string? Note = null);
