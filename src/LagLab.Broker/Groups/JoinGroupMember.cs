namespace LagLab.Broker.Groups;

/// <summary>One member in the list only the leader receives: its id, instance id and metadata for the selected protocol.</summary>
internal sealed record JoinGroupMember(string MemberId, string? GroupInstanceId, ReadOnlyMemory<byte> Metadata);
