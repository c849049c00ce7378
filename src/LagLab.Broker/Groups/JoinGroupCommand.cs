namespace LagLab.Broker.Groups;

/// <summary>A JoinGroup request as the coordinator sees it. <see cref="RequireKnownMemberId"/> is true from JoinGroup v4 (KIP-394).</summary>
internal sealed record JoinGroupCommand(
    string GroupId,
    string MemberId,
    string? GroupInstanceId,
    bool RequireKnownMemberId,
    string ClientId,
    string ClientHost,
    int RebalanceTimeoutMs,
    int SessionTimeoutMs,
    string ProtocolType,
    IReadOnlyList<MemberProtocol> Protocols);
