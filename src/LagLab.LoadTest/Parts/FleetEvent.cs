namespace LagLab.LoadTest.Parts;

/// <summary>
/// One event in the life of a pipeline instance, at <paramref name="AtMs"/> (Unix milliseconds: the harness's clock for
/// process events and the ready line, the pipeline's own for ownership lines; both are this machine's clock).
/// </summary>
/// <param name="Partitions">Ownership events: the partitions the change was about.</param>
/// <param name="Owned">Ownership events: every partition the instance owns after it.</param>
public sealed record FleetEvent(long AtMs, string Instance, FleetEventKind Kind, IReadOnlyList<int> Partitions, IReadOnlyList<int> Owned)
{
    public static FleetEvent Process(long atMs, string instance, FleetEventKind kind) => new(atMs, instance, kind, [], []);
}
