using LagLab.Protocol;

namespace LagLab.Broker.Groups;

/// <summary>The answer to a SyncGroup: the member's assignment, or an error with an empty one.</summary>
internal sealed record SyncGroupResult(ErrorCode Error, string? ProtocolType, string? ProtocolName, ReadOnlyMemory<byte> Assignment)
{
    public static SyncGroupResult Failed(ErrorCode error) => new(error, null, null, ReadOnlyMemory<byte>.Empty);
}
