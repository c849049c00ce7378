namespace LagLab.Monitor.Analysis;

/// <summary>One point of a group's chart: total lag and largest time lag (null: unknown) at a cycle.</summary>
public readonly record struct HistoryPoint(DateTimeOffset Time, long LagSum, double? TimeLagSecondsMax);
