using LagLab.Protocol;

namespace LagLab.Broker.Groups;

/// <summary>
/// The state of one classic group (GroupMetadata.scala): members, static instance ids, pending members,
/// generation, protocol, leader and committed offsets. Every access holds <see cref="Lock"/>; the
/// coordinator drives the transitions.
/// </summary>
internal sealed class ClassicGroup(string groupId, long nowMs)
{
    public const string ConsumerProtocolType = "consumer";

    private static readonly Dictionary<GroupState, GroupState[]> ValidPreviousStates = new()
    {
        [GroupState.Dead] = [GroupState.Stable, GroupState.PreparingRebalance, GroupState.CompletingRebalance, GroupState.Empty, GroupState.Dead],
        [GroupState.CompletingRebalance] = [GroupState.PreparingRebalance],
        [GroupState.Stable] = [GroupState.CompletingRebalance],
        [GroupState.PreparingRebalance] = [GroupState.Stable, GroupState.CompletingRebalance, GroupState.Empty],
        [GroupState.Empty] = [GroupState.PreparingRebalance],
    };

    private readonly Dictionary<string, GroupMember> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _staticMembers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ITimer?> _pendingMembers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pendingSyncMembers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _supportedProtocols = new(StringComparer.Ordinal);
    private int _awaitingJoin;
    private long _nextJoinSequence;

    public Lock Lock { get; } = new();

    public string GroupId { get; } = groupId;

    public GroupState State { get; private set; } = GroupState.Empty;

    public long StateTimestampMs { get; private set; } = nowMs;

    public string? ProtocolType { get; set; }

    public string? ProtocolName { get; set; }

    public int GenerationId { get; set; }

    public string? LeaderId { get; private set; }

    /// <summary>Set when a member joins during the first rebalance (generation 0): the initial delay is extended once more.</summary>
    public bool NewMemberAdded { get; set; }

    /// <summary>The pending join completion (DelayedJoin or InitialDelayedJoin); replaced, never reused.</summary>
    public DelayedJoin? Join { get; set; }

    /// <summary>The pending-sync deadline of the current generation.</summary>
    public ITimer? SyncTimer { get; set; }

    /// <summary>Topics the consumer members subscribe to; null when unknown (not a consumer group, or unparsable).</summary>
    public IReadOnlySet<string>? SubscribedTopics { get; private set; }

    public Dictionary<TopicPartition, CommittedOffset> Offsets { get; } = [];

    /// <summary>Per partition, the sequence of the newest commit applied, so completions arriving out of order never go back in time.</summary>
    public Dictionary<TopicPartition, long> OffsetSequences { get; } = [];

    public long NextCommitSequence { get; set; }

    /// <summary>
    /// The last record written for every live key of this group (its metadata and each committed offset),
    /// in write order: what a compaction of <c>__consumer_offsets</c> would keep, and what a refresh rewrites.
    /// </summary>
    public Dictionary<Persistence.GroupRecordKey, byte[]> LiveRecords { get; } = [];

    public int Size => _members.Count;

    public bool Is(GroupState state) => State == state;

    public bool Has(string memberId) => _members.ContainsKey(memberId);

    public GroupMember Get(string memberId) => _members[memberId];

    public bool TryGet(string memberId, out GroupMember member) => _members.TryGetValue(memberId, out member!);

    public bool IsLeader(string memberId) => LeaderId == memberId;

    public bool IsConsumerGroup => ProtocolType == ConsumerProtocolType;

    /// <summary>Members in order of arrival.</summary>
    public IReadOnlyList<GroupMember> Members => _members.Values.OrderBy(m => m.JoinSequence).ToArray();

    public int StaticMemberCount => _staticMembers.Count;

    public bool HasAllMembersJoined => _members.Count == _awaitingJoin && _pendingMembers.Count == 0;

    public int RebalanceTimeoutMs => _members.Count == 0 ? 0 : _members.Values.Max(m => m.RebalanceTimeoutMs);

    public bool CanRebalance => ValidPreviousStates[GroupState.PreparingRebalance].Contains(State);

    public long NewJoinSequence() => ++_nextJoinSequence;

    public string? StaticMemberId(string groupInstanceId) => _staticMembers.GetValueOrDefault(groupInstanceId);

    public void TransitionTo(GroupState target, long nowMs)
    {
        if (!ValidPreviousStates[target].Contains(State))
        {
            throw new InvalidOperationException($"Group {GroupId} cannot move from {State} to {target}.");
        }
        State = target;
        StateTimestampMs = nowMs;
    }

    /// <summary>Adds a member; <paramref name="join"/> is its parked JoinGroup, if any.</summary>
    public void Add(GroupMember member, TaskCompletionSource<JoinGroupResult>? join)
    {
        if (member.GroupInstanceId is { } instanceId)
        {
            _staticMembers.Add(instanceId, member.MemberId);
        }
        if (_members.Count == 0)
        {
            ProtocolType = member.ProtocolType;
        }
        LeaderId ??= member.MemberId;
        _members.Add(member.MemberId, member);
        CountProtocols(member, +1);
        member.AwaitingJoin = join;
        if (join is not null)
        {
            _awaitingJoin++;
        }
        _pendingMembers.Remove(member.MemberId);
    }

    /// <summary>Removes a member and returns it (its parked requests still to be answered by the caller).</summary>
    public GroupMember? Remove(string memberId)
    {
        if (_members.Remove(memberId, out var member))
        {
            CountProtocols(member, -1);
            if (member.IsAwaitingJoin)
            {
                _awaitingJoin--;
            }
            if (member.GroupInstanceId is { } instanceId)
            {
                _staticMembers.Remove(instanceId);
            }
        }
        if (IsLeader(memberId))
        {
            LeaderId = _members.Values.OrderBy(m => m.JoinSequence).FirstOrDefault()?.MemberId;
        }
        RemovePendingMember(memberId);
        _pendingSyncMembers.Remove(memberId);
        return member;
    }

    /// <summary>Gives a static member's slot to its new member id; the old id's parked requests are fenced.</summary>
    public GroupMember ReplaceStaticMember(string groupInstanceId, string oldMemberId, string newMemberId)
    {
        if (!_members.Remove(oldMemberId, out var member))
        {
            throw new InvalidOperationException($"Cannot replace unknown member {oldMemberId}.");
        }
        TryCompleteJoin(member, JoinGroupResult.Failed(oldMemberId, ErrorCode.FencedInstanceId));
        TryCompleteSync(member, SyncGroupResult.Failed(ErrorCode.FencedInstanceId));
        member.MemberId = newMemberId;
        _members.Add(newMemberId, member);
        if (IsLeader(oldMemberId))
        {
            LeaderId = newMemberId;
        }
        if (_pendingSyncMembers.Remove(oldMemberId))
        {
            _pendingSyncMembers.Add(newMemberId);
        }
        _staticMembers[groupInstanceId] = newMemberId;
        return member;
    }

    /// <summary>Keeps the leader if it rejoined, else picks any member that did; false when nobody rejoined or the group is empty.</summary>
    public bool MaybeElectNewJoinedLeader()
    {
        if (LeaderId is null)
        {
            return false;
        }
        if (_members[LeaderId].IsAwaitingJoin)
        {
            return true;
        }
        var joined = _members.Values.Where(m => m.IsAwaitingJoin).OrderBy(m => m.JoinSequence).FirstOrDefault();
        if (joined is null)
        {
            return false;
        }
        LeaderId = joined.MemberId;
        return true;
    }

    public IReadOnlyList<GroupMember> NotYetRejoinedMembers => _members.Values.Where(m => !m.IsAwaitingJoin).OrderBy(m => m.JoinSequence).ToArray();

    public void UpdateMember(GroupMember member, IReadOnlyList<MemberProtocol> protocols, int rebalanceTimeoutMs, int sessionTimeoutMs, TaskCompletionSource<JoinGroupResult>? join)
    {
        CountProtocols(member, -1);
        member.Protocols = protocols;
        CountProtocols(member, +1);
        member.RebalanceTimeoutMs = rebalanceTimeoutMs;
        member.SessionTimeoutMs = sessionTimeoutMs;
        if (join is not null && !member.IsAwaitingJoin)
        {
            _awaitingJoin++;
        }
        else if (join is null && member.IsAwaitingJoin)
        {
            _awaitingJoin--;
        }
        member.AwaitingJoin = join;
    }

    /// <summary>Answers the member's parked JoinGroup, if any.</summary>
    public bool TryCompleteJoin(GroupMember member, JoinGroupResult result)
    {
        if (member.AwaitingJoin is not { } join)
        {
            return false;
        }
        member.AwaitingJoin = null;
        _awaitingJoin--;
        join.TrySetResult(result);
        return true;
    }

    /// <summary>Answers the member's parked SyncGroup, if any.</summary>
    public static bool TryCompleteSync(GroupMember member, SyncGroupResult result)
    {
        if (member.AwaitingSync is not { } sync)
        {
            return false;
        }
        member.AwaitingSync = null;
        sync.TrySetResult(result);
        return true;
    }

    public bool IsPendingMember(string memberId) => _pendingMembers.ContainsKey(memberId);

    public int PendingMemberCount => _pendingMembers.Count;

    public void AddPendingMember(string memberId, ITimer? expiry) => _pendingMembers[memberId] = expiry;

    public bool RemovePendingMember(string memberId)
    {
        if (!_pendingMembers.Remove(memberId, out var timer))
        {
            return false;
        }
        timer?.Dispose();
        return true;
    }

    public void AddPendingSyncMember(string memberId) => _pendingSyncMembers.Add(memberId);

    public void RemovePendingSyncMember(string memberId) => _pendingSyncMembers.Remove(memberId);

    public bool HasReceivedSyncFromAllMembers => _pendingSyncMembers.Count == 0;

    public IReadOnlyList<string> PendingSyncMembers => _pendingSyncMembers.ToArray();

    public void ClearPendingSyncMembers() => _pendingSyncMembers.Clear();

    /// <summary>An empty group takes any non-empty protocol list; otherwise the type must match and one protocol must be common to all.</summary>
    public bool SupportsProtocols(string protocolType, IEnumerable<string> protocols)
    {
        if (Is(GroupState.Empty))
        {
            return protocolType.Length > 0 && protocols.Any();
        }
        return ProtocolType == protocolType && protocols.Any(p => _supportedProtocols.GetValueOrDefault(p) == _members.Count);
    }

    /// <summary>Protocols supported by every member; each member votes for its first candidate; the plurality wins.</summary>
    public string SelectProtocol()
    {
        var candidates = _supportedProtocols.Where(p => p.Value == _members.Count).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        return Members
            .Select(m => m.Vote(candidates))
            .GroupBy(p => p, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .First()
            .Key;
    }

    /// <summary>Starts the next generation: CompletingRebalance with a protocol, or Empty when nobody is left.</summary>
    public void InitNextGeneration(long nowMs)
    {
        GenerationId++;
        if (_members.Count > 0)
        {
            ProtocolName = SelectProtocol();
            SubscribedTopics = ComputeSubscribedTopics();
            TransitionTo(GroupState.CompletingRebalance, nowMs);
        }
        else
        {
            ProtocolName = null;
            SubscribedTopics = ComputeSubscribedTopics();
            TransitionTo(GroupState.Empty, nowMs);
        }
        ClearPendingSyncMembers();
    }

    /// <summary>Restores state read back from <c>__consumer_offsets</c>: Stable with members, Empty without.</summary>
    public void Restore(string? protocolType, int generationId, string? protocolName, string? leaderId, long stateTimestampMs, IEnumerable<GroupMember> members)
    {
        ProtocolType = protocolType;
        GenerationId = generationId;
        ProtocolName = protocolName;
        foreach (var member in members)
        {
            Add(member, null);
        }
        LeaderId = leaderId is not null && _members.ContainsKey(leaderId) ? leaderId : Members.FirstOrDefault()?.MemberId;
        State = _members.Count > 0 ? GroupState.Stable : GroupState.Empty;
        StateTimestampMs = stateTimestampMs;
        SubscribedTopics = ComputeSubscribedTopics();
    }

    /// <summary>True when a member is subscribed to the topic, or when that cannot be known.</summary>
    public bool IsSubscribedToTopic(string topic) => SubscribedTopics?.Contains(topic) ?? true;

    private HashSet<string>? ComputeSubscribedTopics()
    {
        if (!IsConsumerGroup)
        {
            return null;
        }
        if (_members.Count == 0)
        {
            return [];
        }
        if (ProtocolName is null)
        {
            return null;
        }
        var topics = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in _members.Values)
        {
            if (!SubscriptionTopics.TryRead(member.MetadataFor(ProtocolName), out var memberTopics))
            {
                return null;
            }
            topics.UnionWith(memberTopics);
        }
        return topics;
    }

    private void CountProtocols(GroupMember member, int delta)
    {
        foreach (var protocol in member.Protocols)
        {
            _supportedProtocols[protocol.Name] = _supportedProtocols.GetValueOrDefault(protocol.Name) + delta;
        }
    }
}
