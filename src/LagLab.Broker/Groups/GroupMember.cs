namespace LagLab.Broker.Groups;

/// <summary>
/// One member of a classic group (MemberMetadata.scala): its protocols, its assignment, and the JoinGroup or
/// SyncGroup it has parked, as a task the state machine completes. Guarded by the group's lock.
/// </summary>
internal sealed class GroupMember(
    string memberId,
    string? groupInstanceId,
    string clientId,
    string clientHost,
    int rebalanceTimeoutMs,
    int sessionTimeoutMs,
    string protocolType,
    IReadOnlyList<MemberProtocol> protocols)
{
    /// <summary>Changes only when a restarted static member takes over its instance id.</summary>
    public string MemberId { get; set; } = memberId;

    public string? GroupInstanceId { get; } = groupInstanceId;

    public string ClientId { get; } = clientId;

    public string ClientHost { get; } = clientHost;

    public int RebalanceTimeoutMs { get; set; } = rebalanceTimeoutMs;

    public int SessionTimeoutMs { get; set; } = sessionTimeoutMs;

    public string ProtocolType { get; } = protocolType;

    public IReadOnlyList<MemberProtocol> Protocols { get; set; } = protocols;

    public ReadOnlyMemory<byte> Assignment { get; set; } = ReadOnlyMemory<byte>.Empty;

    public TaskCompletionSource<JoinGroupResult>? AwaitingJoin { get; set; }

    public TaskCompletionSource<SyncGroupResult>? AwaitingSync { get; set; }

    /// <summary>Added in the current rebalance and not yet through a join: only these expire while parked in JoinGroup.</summary>
    public bool IsNew { get; set; }

    /// <summary>Order of arrival; keeps member lists and leader fallback deterministic.</summary>
    public long JoinSequence { get; init; }

    /// <summary>When the session expires unless a heartbeat (or a join or sync) pushes it out; -1 when not armed.</summary>
    public long SessionDeadline { get; set; } = -1;

    public ITimer? SessionTimer { get; set; }

    public bool IsStatic => GroupInstanceId is not null;

    public bool IsAwaitingJoin => AwaitingJoin is not null;

    public bool IsAwaitingSync => AwaitingSync is not null;

    /// <summary>
    /// Members parked in JoinGroup or SyncGroup never expire (they cannot heartbeat meanwhile), except new
    /// members, whose parked join has its own, longer deadline.
    /// </summary>
    public bool SurvivesSessionExpiry => !IsNew && (IsAwaitingJoin || IsAwaitingSync);

    /// <summary>Byte-wise equality of the protocol list, in order: the rule that spares a rebalance.</summary>
    public bool Matches(IReadOnlyList<MemberProtocol> other)
    {
        if (other.Count != Protocols.Count)
        {
            return false;
        }
        for (var i = 0; i < other.Count; i++)
        {
            if (other[i].Name != Protocols[i].Name || !other[i].Metadata.Span.SequenceEqual(Protocols[i].Metadata.Span))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The member's first preference among the candidates.</summary>
    public string Vote(IReadOnlySet<string> candidates) =>
        Protocols.First(p => candidates.Contains(p.Name)).Name;

    public ReadOnlyMemory<byte> MetadataFor(string protocol) =>
        Protocols.FirstOrDefault(p => p.Name == protocol)?.Metadata ?? ReadOnlyMemory<byte>.Empty;
}
