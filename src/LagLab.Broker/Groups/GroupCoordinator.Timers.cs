namespace LagLab.Broker.Groups;

internal sealed partial class GroupCoordinator
{
    /// <summary>
    /// A one-shot timer on the injected clock. At least 1 ms, so a test clock never fires it inside the call that
    /// armed it; the callback's exceptions are logged instead of tearing down the process.
    /// </summary>
    private ITimer StartTimer(int delayMs, Action callback) =>
        _time.CreateTimer(
            static state => ((Action)state!)(),
            (Action)(() => Guarded(callback)),
            TimeSpan.FromMilliseconds(Math.Max(delayMs, 1)),
            Timeout.InfiniteTimeSpan);

    private void Guarded(Action callback)
    {
        try
        {
            callback();
        }
        catch (Exception ex)
        {
            GroupLog.TimerFailed(_logger, ex);
        }
    }

    private void ScheduleJoin(ClassicGroup group, DelayedJoin join)
    {
        group.Join = join;
        join.Timer = StartTimer(join.DelayMs, () => OnJoinTimer(group, join));
    }

    /// <summary>
    /// The join deadline. An initial join is re-armed while newcomers keep arriving in generation 0
    /// (min(delay, remaining), within the rebalance timeout); otherwise the join phase ends now.
    /// </summary>
    private void OnJoinTimer(ClassicGroup group, DelayedJoin join)
    {
        lock (group.Lock)
        {
            if (!ReferenceEquals(group.Join, join))
            {
                return;
            }
            if (join.IsInitial && group.NewMemberAdded && join.RemainingMs != 0)
            {
                group.NewMemberAdded = false;
                var delay = Math.Min(_options.InitialRebalanceDelayMs, join.RemainingMs);
                var remaining = Math.Max(join.RemainingMs - join.DelayMs, 0);
                ScheduleJoin(group, new DelayedJoin(isInitial: true, delay, remaining));
                return;
            }
            CompleteJoin(group);
        }
    }

    private void SchedulePendingSync(ClassicGroup group)
    {
        group.SyncTimer?.Dispose();
        var generation = group.GenerationId;
        group.SyncTimer = StartTimer(group.RebalanceTimeoutMs, () => OnSyncTimer(group, generation));
    }

    /// <summary>Members of the generation that never sent SyncGroup within the rebalance timeout are removed, and the group rebalances.</summary>
    private void OnSyncTimer(ClassicGroup group, int generation)
    {
        lock (group.Lock)
        {
            if (generation != group.GenerationId || group.HasReceivedSyncFromAllMembers ||
                !(group.Is(GroupState.CompletingRebalance) || group.Is(GroupState.Stable)))
            {
                return;
            }
            var pending = group.PendingSyncMembers;
            foreach (var memberId in pending)
            {
                if (group.TryGet(memberId, out var member))
                {
                    RemoveMemberSilently(group, member, "did not send SyncGroup before the rebalance timeout");
                }
            }
            GroupLog.SyncExpired(_logger, group.GroupId, string.Join(", ", pending));
            PrepareRebalance(group, "members did not send SyncGroup in time");
        }
    }

    /// <summary>(Re)arms the member's session: it expires at now + timeout unless something pushes the deadline out.</summary>
    private void ScheduleSessionExpiry(ClassicGroup group, GroupMember member, int timeoutMs)
    {
        member.SessionDeadline = NowMs + timeoutMs;
        var due = TimeSpan.FromMilliseconds(Math.Max(timeoutMs, 1));
        if (member.SessionTimer is { } timer)
        {
            timer.Change(due, Timeout.InfiniteTimeSpan);
            return;
        }
        member.SessionTimer = _time.CreateTimer(
            static state => ((Action)state!)(),
            (Action)(() => Guarded(() => OnSessionTimer(group, member))),
            due,
            Timeout.InfiniteTimeSpan);
    }

    private static void StopSession(GroupMember member)
    {
        member.SessionTimer?.Dispose();
        member.SessionTimer = null;
        member.SessionDeadline = -1;
    }

    /// <summary>Session expiry: members parked in JoinGroup or SyncGroup survive it; anyone else is removed and the group rebalances.</summary>
    private void OnSessionTimer(ClassicGroup group, GroupMember member)
    {
        lock (group.Lock)
        {
            if (group.Is(GroupState.Dead) || !group.TryGet(member.MemberId, out var current) || !ReferenceEquals(current, member) || member.SessionDeadline < 0)
            {
                return;
            }
            var left = member.SessionDeadline - NowMs;
            if (left > 0)
            {
                // The timer ran a little early, or raced with a re-arm: wait for the real deadline.
                member.SessionTimer?.Change(TimeSpan.FromMilliseconds(left), Timeout.InfiniteTimeSpan);
                return;
            }
            if (member.SurvivesSessionExpiry)
            {
                return;
            }
            RemoveMemberAndUpdateGroup(group, member, member.IsNew ? "parked JoinGroup of a new member expired" : "session timeout expired");
        }
    }
}
