using LagLab.Broker.Groups.Persistence;
using LagLab.Protocol;

namespace LagLab.Broker.Groups;

internal sealed partial class GroupCoordinator
{
    /// <summary>SyncGroup: followers park in CompletingRebalance until the leader's assignment is stored; Stable answers at once.</summary>
    public Task<SyncGroupResult> SyncGroupAsync(SyncGroupCommand request)
    {
        if (request.GroupId.Length == 0)
        {
            return Done(SyncGroupResult.Failed(ErrorCode.InvalidGroupId));
        }
        var group = FindGroup(request.GroupId);
        if (group is null)
        {
            return Done(SyncGroupResult.Failed(ErrorCode.UnknownMemberId));
        }
        lock (group.Lock)
        {
            if (group.Is(GroupState.Dead))
            {
                return Done(SyncGroupResult.Failed(ErrorCode.CoordinatorNotAvailable));
            }
            var error = ValidateCurrentMember(group, request.MemberId, request.GroupInstanceId);
            if (error == ErrorCode.None && request.GenerationId != group.GenerationId)
            {
                error = ErrorCode.IllegalGeneration;
            }
            if (error != ErrorCode.None)
            {
                return Done(SyncGroupResult.Failed(error));
            }
            switch (group.State)
            {
                case GroupState.Empty:
                    return Done(SyncGroupResult.Failed(ErrorCode.UnknownMemberId));
                case GroupState.PreparingRebalance:
                    return Done(SyncGroupResult.Failed(ErrorCode.RebalanceInProgress));
                case GroupState.CompletingRebalance:
                    return ParkSync(group, group.Get(request.MemberId), request);
                default:
                    RemovePendingSyncMember(group, request.MemberId);
                    var member = group.Get(request.MemberId);
                    ScheduleSessionExpiry(group, member, member.SessionTimeoutMs);
                    return Done(new SyncGroupResult(ErrorCode.None, group.ProtocolType, group.ProtocolName, member.Assignment));
            }
        }
    }

    private Task<SyncGroupResult> ParkSync(ClassicGroup group, GroupMember member, SyncGroupCommand request)
    {
        var sync = NewParked<SyncGroupResult>();
        ClassicGroup.TryCompleteSync(member, SyncGroupResult.Failed(ErrorCode.RebalanceInProgress));
        member.AwaitingSync = sync;
        RemovePendingSyncMember(group, member.MemberId);
        if (group.IsLeader(member.MemberId))
        {
            // Members the leader left out get an empty assignment.
            var assignment = group.Members.ToDictionary(
                m => m.MemberId,
                m => request.Assignments.TryGetValue(m.MemberId, out var bytes) ? bytes : ReadOnlyMemory<byte>.Empty,
                StringComparer.Ordinal);
            var generation = group.GenerationId;
            AfterWrite(group, Persist(group, [GroupRecords.Metadata(group, assignment)]), succeeded =>
            {
                // Someone may have joined or left while the write ran: only the same generation may go Stable.
                if (!group.Is(GroupState.CompletingRebalance) || group.GenerationId != generation)
                {
                    return;
                }
                if (!succeeded)
                {
                    ResetAndPropagateAssignmentError(group, ErrorCode.CoordinatorNotAvailable);
                    MaybePrepareRebalance(group, "storing the assignment failed");
                    return;
                }
                SetAndPropagateAssignment(group, assignment);
                group.TransitionTo(GroupState.Stable, NowMs);
                GroupLog.RebalanceCompleted(_logger, group.GroupId, group.GenerationId, group.Size);
            });
        }
        return sync.Task;
    }

    /// <summary>Heartbeat: keeps the session alive; REBALANCE_IN_PROGRESS tells a member to rejoin.</summary>
    public ErrorCode Heartbeat(string groupId, string memberId, string? groupInstanceId, int generationId)
    {
        if (groupId.Length == 0)
        {
            return ErrorCode.InvalidGroupId;
        }
        var group = FindGroup(groupId);
        if (group is null)
        {
            return ErrorCode.UnknownMemberId;
        }
        lock (group.Lock)
        {
            if (group.Is(GroupState.Dead))
            {
                return ErrorCode.CoordinatorNotAvailable;
            }
            var error = ValidateCurrentMember(group, memberId, groupInstanceId);
            if (error != ErrorCode.None)
            {
                return error;
            }
            if (generationId != group.GenerationId)
            {
                return ErrorCode.IllegalGeneration;
            }
            if (group.Is(GroupState.Empty))
            {
                return ErrorCode.UnknownMemberId;
            }
            var member = group.Get(memberId);
            ScheduleSessionExpiry(group, member, member.SessionTimeoutMs);
            return group.Is(GroupState.PreparingRebalance) ? ErrorCode.RebalanceInProgress : ErrorCode.None;
        }
    }

    /// <summary>LeaveGroup: by member id, or (KIP-345 admin removal) by instance id with an empty member id; errors per member.</summary>
    public LeaveGroupResult LeaveGroup(string groupId, IReadOnlyList<MemberIdentity> members)
    {
        if (groupId.Length == 0)
        {
            return new LeaveGroupResult(ErrorCode.InvalidGroupId, []);
        }
        var group = FindGroup(groupId);
        if (group is null)
        {
            return new LeaveGroupResult(ErrorCode.None, members.Select(m => (m, ErrorCode.UnknownMemberId)).ToArray());
        }
        lock (group.Lock)
        {
            if (group.Is(GroupState.Dead))
            {
                return new LeaveGroupResult(ErrorCode.CoordinatorNotAvailable, []);
            }
            var results = new List<(MemberIdentity, ErrorCode)>(members.Count);
            foreach (var leaving in members)
            {
                results.Add((leaving, Leave(group, leaving)));
            }
            return new LeaveGroupResult(ErrorCode.None, results);
        }
    }

    private ErrorCode Leave(ClassicGroup group, MemberIdentity leaving)
    {
        if (leaving.MemberId.Length == 0)
        {
            if (leaving.GroupInstanceId is { } instanceId && group.StaticMemberId(instanceId) is { } currentId)
            {
                RemoveMemberAndUpdateGroup(group, group.Get(currentId), "removed by instance id through LeaveGroup");
                return ErrorCode.None;
            }
            return ErrorCode.UnknownMemberId;
        }
        if (group.IsPendingMember(leaving.MemberId))
        {
            group.Remove(leaving.MemberId);
            TryCompleteJoin(group);
            return ErrorCode.None;
        }
        var error = ValidateCurrentMember(group, leaving.MemberId, leaving.GroupInstanceId);
        if (error != ErrorCode.None)
        {
            return error;
        }
        RemoveMemberAndUpdateGroup(group, group.Get(leaving.MemberId), "left through LeaveGroup");
        return ErrorCode.None;
    }

    private void RemovePendingSyncMember(ClassicGroup group, string memberId)
    {
        group.RemovePendingSyncMember(memberId);
        if (group.HasReceivedSyncFromAllMembers)
        {
            group.SyncTimer?.Dispose();
            group.SyncTimer = null;
        }
    }

    private static void RemoveSyncExpiration(ClassicGroup group)
    {
        group.ClearPendingSyncMembers();
        group.SyncTimer?.Dispose();
        group.SyncTimer = null;
    }
}
