using LagLab.Broker.Groups.Persistence;
using LagLab.Protocol;

namespace LagLab.Broker.Groups;

internal sealed partial class GroupCoordinator
{
    /// <summary>JoinGroup: the returned task completes when the join phase ends (or at once for errors and no-rebalance rejoins).</summary>
    public Task<JoinGroupResult> JoinGroupAsync(JoinGroupCommand request)
    {
        if (request.GroupId.Length == 0)
        {
            return Done(JoinGroupResult.Failed(request.MemberId, ErrorCode.InvalidGroupId));
        }
        if (request.SessionTimeoutMs < _options.MinSessionTimeoutMs || request.SessionTimeoutMs > _options.MaxSessionTimeoutMs)
        {
            return Done(JoinGroupResult.Failed(request.MemberId, ErrorCode.InvalidSessionTimeout));
        }
        var isUnknownMember = request.MemberId.Length == 0;
        // A group is created only by a member without an id; a known id for a missing group is stale.
        var group = isUnknownMember ? GetOrCreateGroup(request.GroupId) : FindGroup(request.GroupId);
        if (group is null)
        {
            return Done(JoinGroupResult.Failed(request.MemberId, ErrorCode.UnknownMemberId));
        }
        lock (group.Lock)
        {
            var result = isUnknownMember ? JoinNewMember(group, request) : JoinCurrentMember(group, request);
            TryCompleteJoin(group);
            return result;
        }
    }

    private Task<JoinGroupResult> JoinNewMember(ClassicGroup group, JoinGroupCommand request)
    {
        if (group.Is(GroupState.Dead))
        {
            return Done(JoinGroupResult.Failed(string.Empty, ErrorCode.CoordinatorNotAvailable));
        }
        if (!group.SupportsProtocols(request.ProtocolType, request.Protocols.Select(p => p.Name)))
        {
            return Done(JoinGroupResult.Failed(string.Empty, ErrorCode.InconsistentGroupProtocol));
        }
        var newMemberId = $"{request.GroupInstanceId ?? request.ClientId}-{Guid.NewGuid()}";
        if (request.GroupInstanceId is { } instanceId)
        {
            return group.StaticMemberId(instanceId) is { } oldMemberId
                ? UpdateStaticMemberAndRebalance(group, instanceId, oldMemberId, newMemberId, request)
                : AddMemberAndRebalance(group, request, newMemberId);
        }
        if (request.RequireKnownMemberId)
        {
            // KIP-394: hand out the id first; it must come back within the session timeout.
            var expiry = StartTimer(request.SessionTimeoutMs, () => OnPendingMemberExpired(group, newMemberId));
            group.AddPendingMember(newMemberId, expiry);
            return Done(JoinGroupResult.Failed(newMemberId, ErrorCode.MemberIdRequired));
        }
        return AddMemberAndRebalance(group, request, newMemberId);
    }

    private Task<JoinGroupResult> JoinCurrentMember(ClassicGroup group, JoinGroupCommand request)
    {
        var memberId = request.MemberId;
        if (group.Is(GroupState.Dead))
        {
            return Done(JoinGroupResult.Failed(memberId, ErrorCode.CoordinatorNotAvailable));
        }
        if (!group.SupportsProtocols(request.ProtocolType, request.Protocols.Select(p => p.Name)))
        {
            return Done(JoinGroupResult.Failed(memberId, ErrorCode.InconsistentGroupProtocol));
        }
        if (group.IsPendingMember(memberId))
        {
            // Pending ids are handed to dynamic members only; Kafka treats a static one here as a server error.
            return request.GroupInstanceId is null
                ? AddMemberAndRebalance(group, request, memberId)
                : Done(JoinGroupResult.Failed(memberId, ErrorCode.UnknownServerError));
        }
        var error = ValidateCurrentMember(group, memberId, request.GroupInstanceId);
        if (error != ErrorCode.None)
        {
            return Done(JoinGroupResult.Failed(memberId, error));
        }
        var member = group.Get(memberId);
        switch (group.State)
        {
            case GroupState.PreparingRebalance:
                return UpdateMemberAndRebalance(group, member, request, $"member {memberId} rejoined");
            case GroupState.CompletingRebalance:
                // Same metadata: it probably missed the JoinGroup response; answer with the current generation.
                return member.Matches(request.Protocols)
                    ? Done(CurrentGeneration(group, memberId, group.IsLeader(memberId) ? CurrentMemberMetadata(group) : []))
                    : UpdateMemberAndRebalance(group, member, request, $"member {memberId} changed its metadata");
            case GroupState.Stable:
                if (group.IsLeader(memberId))
                {
                    // The leader may rejoin to react to changes invisible in member metadata (e.g. new partitions).
                    return UpdateMemberAndRebalance(group, member, request, $"leader {memberId} rejoined");
                }
                return member.Matches(request.Protocols)
                    ? Done(CurrentGeneration(group, memberId, []))
                    : UpdateMemberAndRebalance(group, member, request, $"member {memberId} changed its metadata");
            default:
                return Done(JoinGroupResult.Failed(memberId, ErrorCode.UnknownMemberId));
        }
    }

    private Task<JoinGroupResult> AddMemberAndRebalance(ClassicGroup group, JoinGroupCommand request, string memberId)
    {
        var join = NewParked<JoinGroupResult>();
        var member = new GroupMember(memberId, request.GroupInstanceId, request.ClientId, request.ClientHost,
            request.RebalanceTimeoutMs, request.SessionTimeoutMs, request.ProtocolType, request.Protocols)
        {
            IsNew = true,
            JoinSequence = group.NewJoinSequence(),
        };
        if (group.Is(GroupState.PreparingRebalance) && group.GenerationId == 0)
        {
            group.NewMemberAdded = true;
        }
        group.Add(member, join);
        // A new member cannot heartbeat while its JoinGroup is parked; this longer deadline drops it if it went away.
        ScheduleSessionExpiry(group, member, GroupCoordinatorOptions.NewMemberJoinTimeoutMs);
        MaybePrepareRebalance(group, $"new member {memberId} joined");
        return join.Task;
    }

    private Task<JoinGroupResult> UpdateMemberAndRebalance(ClassicGroup group, GroupMember member, JoinGroupCommand request, string reason)
    {
        var join = NewParked<JoinGroupResult>();
        // A second JoinGroup replaces the first; answer the first so no request hangs.
        group.TryCompleteJoin(member, JoinGroupResult.Failed(member.MemberId, ErrorCode.RebalanceInProgress));
        group.UpdateMember(member, request.Protocols, request.RebalanceTimeoutMs, request.SessionTimeoutMs, join);
        MaybePrepareRebalance(group, reason);
        return join.Task;
    }

    /// <summary>
    /// KIP-345: a static member restarted under a new member id. In Stable with an unchanged protocol there is
    /// no rebalance: the member gets the current generation and the previous leader id, so even a restarted
    /// leader acts as a follower and fetches its old assignment with SyncGroup.
    /// </summary>
    private Task<JoinGroupResult> UpdateStaticMemberAndRebalance(ClassicGroup group, string instanceId, string oldMemberId, string newMemberId, JoinGroupCommand request)
    {
        var previousLeader = group.LeaderId;
        var member = group.ReplaceStaticMember(instanceId, oldMemberId, newMemberId);
        GroupLog.StaticMemberReplaced(_logger, group.GroupId, instanceId, newMemberId, oldMemberId);
        var oldProtocols = member.Protocols;
        var oldRebalanceTimeout = member.RebalanceTimeoutMs;
        var oldSessionTimeout = member.SessionTimeoutMs;
        var join = NewParked<JoinGroupResult>();
        group.UpdateMember(member, request.Protocols, request.RebalanceTimeoutMs, request.SessionTimeoutMs, join);
        ScheduleSessionExpiry(group, member, member.SessionTimeoutMs);
        switch (group.State)
        {
            case GroupState.Stable when group.ProtocolName == group.SelectProtocol():
                var generation = group.GenerationId;
                var assignments = group.Members.ToDictionary(m => m.MemberId, m => m.Assignment, StringComparer.Ordinal);
                AfterWrite(group, Persist(group, [GroupRecords.Metadata(group, assignments)]), succeeded =>
                {
                    if (succeeded)
                    {
                        group.TryCompleteJoin(member, new JoinGroupResult(ErrorCode.None, newMemberId, generation,
                            group.ProtocolType, group.ProtocolName ?? string.Empty, previousLeader ?? string.Empty, []));
                        return;
                    }
                    if (member.MemberId == newMemberId && group.Has(newMemberId))
                    {
                        // The new id could not be made durable: give the slot back to the old id.
                        group.UpdateMember(member, oldProtocols, oldRebalanceTimeout, oldSessionTimeout, null);
                        group.ReplaceStaticMember(instanceId, newMemberId, oldMemberId);
                        ScheduleSessionExpiry(group, member, member.SessionTimeoutMs);
                    }
                    join.TrySetResult(JoinGroupResult.Failed(string.Empty, ErrorCode.CoordinatorNotAvailable));
                });
                break;
            case GroupState.Stable:
                MaybePrepareRebalance(group, $"static member {instanceId} rejoined with a protocol that changes the group's");
                break;
            case GroupState.CompletingRebalance:
                // The leader may already hold the old member id in its assignment: start over.
                PrepareRebalance(group, $"static member {instanceId} rejoined during CompletingRebalance");
                break;
        }
        return join.Task;
    }

    private void OnPendingMemberExpired(ClassicGroup group, string memberId)
    {
        lock (group.Lock)
        {
            if (!group.Is(GroupState.Dead) && group.RemovePendingMember(memberId))
            {
                TryCompleteJoin(group);
            }
        }
    }
}
