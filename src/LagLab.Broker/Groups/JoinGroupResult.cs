using LagLab.Protocol;

namespace LagLab.Broker.Groups;

/// <summary>The answer to a JoinGroup; errors carry generation -1 and empty protocol and leader, as Kafka's do.</summary>
internal sealed record JoinGroupResult(
    ErrorCode Error,
    string MemberId,
    int GenerationId,
    string? ProtocolType,
    string? ProtocolName,
    string LeaderId,
    IReadOnlyList<JoinGroupMember> Members)
{
    public static JoinGroupResult Failed(string memberId, ErrorCode error) => new(error, memberId, -1, null, null, string.Empty, []);
}
