namespace LagLab.LoadTest.Results;

/// <summary>
/// One partition the restarted instance owned when it was stopped: the last record of it the bank applied before the
/// old process exited, the first one after, and the pause between them (from the stop request at the earliest, so an
/// idle stretch before the restart is not counted). Null where the bank applied none.
/// </summary>
public sealed record RestartPartition(int Partition, double? LastApplied, double? FirstApplied, double? PauseSeconds);
