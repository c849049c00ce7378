using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LagLab.Broker.Groups.Persistence;
using LagLab.Protocol;
using Microsoft.Extensions.Logging;

namespace LagLab.Broker.Groups;

/// <summary>
/// The classic group coordinator (GroupCoordinator.scala) as a state machine independent of the network:
/// handlers call it with decoded requests, parked JoinGroup and SyncGroup requests are tasks it completes,
/// and every timer runs on the injected <see cref="TimeProvider"/>. One lock per group.
/// </summary>
internal sealed partial class GroupCoordinator : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ClassicGroup> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _background = new();
    private readonly GroupCoordinatorOptions _options;
    private readonly IGroupRecordSink _sink;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly GroupMetrics? _metrics;

    public GroupCoordinator(GroupCoordinatorOptions options, IGroupRecordSink sink, TimeProvider time, ILogger logger, Meter? meter = null)
    {
        _options = options;
        _sink = sink;
        _time = time;
        _logger = logger;
        _metrics = meter is null ? null : new GroupMetrics(meter, Snapshot);
    }

    private long NowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The group, if it exists (for tests and diagnostics; callers must take its lock to read it).</summary>
    public ClassicGroup? FindGroup(string groupId) => _groups.GetValueOrDefault(groupId);

    private ClassicGroup GetOrCreateGroup(string groupId) => _groups.GetOrAdd(groupId, id => new ClassicGroup(id, NowMs));

    private static Task<T> Done<T>(T value) => Task.FromResult(value);

    private static TaskCompletionSource<T> NewParked<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Instance id mismatch first (FENCED_INSTANCE_ID), then an unknown member (UNKNOWN_MEMBER_ID), as Kafka validates.</summary>
    private static ErrorCode ValidateCurrentMember(ClassicGroup group, string memberId, string? groupInstanceId)
    {
        if (groupInstanceId is not null)
        {
            var current = group.StaticMemberId(groupInstanceId);
            if (current is null)
            {
                return ErrorCode.UnknownMemberId;
            }
            if (current != memberId)
            {
                return ErrorCode.FencedInstanceId;
            }
        }
        return group.Has(memberId) ? ErrorCode.None : ErrorCode.UnknownMemberId;
    }

    private void MaybePrepareRebalance(ClassicGroup group, string reason)
    {
        if (group.CanRebalance)
        {
            PrepareRebalance(group, reason);
        }
    }

    /// <summary>Starts a join phase: pending syncs are told to rejoin, and the join completes later (initial delay) or as soon as everyone rejoined.</summary>
    private void PrepareRebalance(ClassicGroup group, string reason)
    {
        if (group.Is(GroupState.CompletingRebalance))
        {
            ResetAndPropagateAssignmentError(group, ErrorCode.RebalanceInProgress);
        }
        RemoveSyncExpiration(group);
        var fromState = group.State;
        group.Join?.Cancel();
        group.TransitionTo(GroupState.PreparingRebalance, NowMs);
        GroupLog.RebalanceStarted(_logger, group.GroupId, fromState, group.GenerationId, group.Size, reason);
        _metrics?.RebalanceStarted(group.GroupId);
        if (fromState == GroupState.Empty)
        {
            var delay = _options.InitialRebalanceDelayMs;
            ScheduleJoin(group, new DelayedJoin(isInitial: true, delay, Math.Max(group.RebalanceTimeoutMs - delay, 0)));
        }
        else
        {
            ScheduleJoin(group, new DelayedJoin(isInitial: false, group.RebalanceTimeoutMs, 0));
            TryCompleteJoin(group);
        }
    }

    /// <summary>Completes a regular join phase once every known member has a parked JoinGroup and no MEMBER_ID_REQUIRED member is outstanding.</summary>
    private void TryCompleteJoin(ClassicGroup group)
    {
        if (group.Is(GroupState.PreparingRebalance) && group.Join is { IsInitial: false } && group.HasAllMembersJoined)
        {
            CompleteJoin(group);
        }
    }

    /// <summary>onCompleteJoin: drops dynamic members that did not rejoin, then forms the next generation (or goes Empty).</summary>
    private void CompleteJoin(ClassicGroup group)
    {
        group.Join?.Cancel();
        group.Join = null;
        foreach (var member in group.NotYetRejoinedMembers.Where(m => !m.IsStatic))
        {
            RemoveMemberSilently(group, member, "did not rejoin before the rebalance timeout");
        }
        if (group.Is(GroupState.Dead))
        {
            return;
        }
        if (!group.MaybeElectNewJoinedLeader() && group.Size > 0)
        {
            // Only static members remain and none rejoined: wait another rebalance timeout for them or their session expiry.
            ScheduleJoin(group, new DelayedJoin(isInitial: false, group.RebalanceTimeoutMs, 0));
            TryCompleteJoin(group);
            return;
        }
        group.InitNextGeneration(NowMs);
        if (group.Is(GroupState.Empty))
        {
            GroupLog.GroupEmpty(_logger, group.GroupId, group.GenerationId);
            PersistInBackground(group, [GroupRecords.Metadata(group, new Dictionary<string, ReadOnlyMemory<byte>>())]);
            return;
        }
        GroupLog.GenerationFormed(_logger, group.GroupId, group.GenerationId, group.Size, group.ProtocolName, group.LeaderId);
        var leaderView = CurrentMemberMetadata(group);
        foreach (var member in group.Members)
        {
            var isLeader = group.IsLeader(member.MemberId);
            group.TryCompleteJoin(member, CurrentGeneration(group, member.MemberId, isLeader ? leaderView : []));
            ScheduleSessionExpiry(group, member, member.SessionTimeoutMs);
            member.IsNew = false;
            group.AddPendingSyncMember(member.MemberId);
        }
        SchedulePendingSync(group);
    }

    private static JoinGroupResult CurrentGeneration(ClassicGroup group, string memberId, IReadOnlyList<JoinGroupMember> members) =>
        new(ErrorCode.None, memberId, group.GenerationId, group.ProtocolType, group.ProtocolName ?? string.Empty, group.LeaderId ?? string.Empty, members);

    private static IReadOnlyList<JoinGroupMember> CurrentMemberMetadata(ClassicGroup group) =>
        group.Members.Select(m => new JoinGroupMember(m.MemberId, m.GroupInstanceId, m.MetadataFor(group.ProtocolName!))).ToArray();

    /// <summary>Removes a member for good, answering anything it has parked, then rebalances or re-checks the join as the state requires.</summary>
    private void RemoveMemberAndUpdateGroup(ClassicGroup group, GroupMember member, string reason)
    {
        group.TryCompleteJoin(member, JoinGroupResult.Failed(string.Empty, ErrorCode.UnknownMemberId));
        RemoveMemberSilently(group, member, reason);
        switch (group.State)
        {
            case GroupState.Stable or GroupState.CompletingRebalance:
                MaybePrepareRebalance(group, $"member {member.MemberId} left: {reason}");
                break;
            case GroupState.PreparingRebalance:
                TryCompleteJoin(group);
                break;
        }
    }

    private void RemoveMemberSilently(ClassicGroup group, GroupMember member, string reason)
    {
        group.TryCompleteJoin(member, JoinGroupResult.Failed(string.Empty, ErrorCode.UnknownMemberId));
        ClassicGroup.TryCompleteSync(member, SyncGroupResult.Failed(ErrorCode.UnknownMemberId));
        group.Remove(member.MemberId);
        StopSession(member);
        GroupLog.MemberRemoved(_logger, group.GroupId, member.MemberId, reason);
    }

    private void SetAndPropagateAssignment(ClassicGroup group, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> assignment)
    {
        foreach (var member in group.Members)
        {
            member.Assignment = assignment.TryGetValue(member.MemberId, out var bytes) ? bytes : ReadOnlyMemory<byte>.Empty;
        }
        PropagateAssignment(group, ErrorCode.None);
    }

    private void ResetAndPropagateAssignmentError(ClassicGroup group, ErrorCode error)
    {
        foreach (var member in group.Members)
        {
            member.Assignment = ReadOnlyMemory<byte>.Empty;
        }
        PropagateAssignment(group, error);
    }

    private void PropagateAssignment(ClassicGroup group, ErrorCode error)
    {
        foreach (var member in group.Members)
        {
            var result = error == ErrorCode.None
                ? new SyncGroupResult(ErrorCode.None, group.ProtocolType, group.ProtocolName, member.Assignment)
                : SyncGroupResult.Failed(error);
            if (ClassicGroup.TryCompleteSync(member, result))
            {
                // The session restarts from the moment the member learns its assignment.
                ScheduleSessionExpiry(group, member, member.SessionTimeoutMs);
            }
        }
    }

    private Task Persist(ClassicGroup group, IReadOnlyList<GroupRecord> records)
    {
        foreach (var record in records)
        {
            if (record.Value is null)
            {
                group.LiveRecords.Remove(record.Key);
            }
            else
            {
                group.LiveRecords[record.Key] = record.Value;
            }
        }
        try
        {
            return _sink.AppendAsync(OffsetsTopic.PartitionFor(group.GroupId), records);
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    private void PersistInBackground(ClassicGroup group, IReadOnlyList<GroupRecord> records) =>
        AfterWrite(group, Persist(group, records), _ => { });

    /// <summary>
    /// Runs <paramref name="continuation"/> under the group lock once the write is done (true when it succeeded).
    /// A write that is already done continues at once, in the caller's lock.
    /// </summary>
    private void AfterWrite(ClassicGroup group, Task write, Action<bool> continuation)
    {
        if (write.IsCompleted)
        {
            if (!write.IsCompletedSuccessfully)
            {
                GroupLog.PersistFailed(_logger, write.Exception?.GetBaseException() ?? new TaskCanceledException(), group.GroupId);
            }
            continuation(write.IsCompletedSuccessfully);
            return;
        }
        var task = ContinueAfterWriteAsync(group, write, continuation);
        _background.TryAdd(task, 0);
        _ = task.ContinueWith(t => _background.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task ContinueAfterWriteAsync(ClassicGroup group, Task write, Action<bool> continuation)
    {
        bool succeeded;
        try
        {
            await write.ConfigureAwait(false);
            succeeded = true;
        }
        catch (Exception ex)
        {
            GroupLog.PersistFailed(_logger, ex, group.GroupId);
            succeeded = false;
        }
        try
        {
            lock (group.Lock)
            {
                continuation(succeeded);
            }
        }
        catch (Exception ex)
        {
            GroupLog.TimerFailed(_logger, ex);
        }
    }

    private IReadOnlyList<(string GroupId, int Members, int Generation, GroupState State)> Snapshot()
    {
        var rows = new List<(string, int, int, GroupState)>();
        foreach (var group in _groups.Values)
        {
            lock (group.Lock)
            {
                if (!group.Is(GroupState.Dead))
                {
                    rows.Add((group.GroupId, group.Size, group.GenerationId, group.State));
                }
            }
        }
        return rows;
    }

    /// <summary>Stops every timer and answers every parked request, then waits for pending write continuations.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var group in _groups.Values)
        {
            lock (group.Lock)
            {
                group.Join?.Cancel();
                group.Join = null;
                group.SyncTimer?.Dispose();
                group.SyncTimer = null;
                foreach (var member in group.Members)
                {
                    StopSession(member);
                    group.TryCompleteJoin(member, JoinGroupResult.Failed(member.MemberId, ErrorCode.CoordinatorNotAvailable));
                    ClassicGroup.TryCompleteSync(member, SyncGroupResult.Failed(ErrorCode.CoordinatorNotAvailable));
                }
            }
        }
        await Task.WhenAll(_background.Keys).ConfigureAwait(false);
    }
}
