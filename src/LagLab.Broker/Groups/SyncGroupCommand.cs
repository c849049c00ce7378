namespace LagLab.Broker.Groups;

/// <summary>A SyncGroup request; only the leader's carries assignments (member id → opaque assignment).</summary>
internal sealed record SyncGroupCommand(
    string GroupId,
    int GenerationId,
    string MemberId,
    string? GroupInstanceId,
    IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Assignments);
