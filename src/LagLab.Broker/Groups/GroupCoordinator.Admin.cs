using LagLab.Broker.Groups.Persistence;
using LagLab.Protocol;

namespace LagLab.Broker.Groups;

internal sealed partial class GroupCoordinator
{
    /// <summary>ListGroups: every live group, filtered by state (case-insensitive) when <paramref name="states"/> is not empty.</summary>
    public IReadOnlyList<GroupOverview> ListGroups(IReadOnlyCollection<string> states)
    {
        var rows = new List<GroupOverview>();
        foreach (var group in _groups.Values)
        {
            lock (group.Lock)
            {
                if (group.Is(GroupState.Dead))
                {
                    continue;
                }
                if (states.Count == 0 || states.Any(s => string.Equals(s, group.State.ToString(), StringComparison.OrdinalIgnoreCase)))
                {
                    rows.Add(new GroupOverview(group.GroupId, group.ProtocolType ?? string.Empty, group.State));
                }
            }
        }
        return rows.OrderBy(r => r.GroupId, StringComparer.Ordinal).ToArray();
    }

    /// <summary>DescribeGroups for one group; an unknown group is Dead with no members.</summary>
    public GroupDescription DescribeGroup(string groupId)
    {
        var group = FindGroup(groupId);
        if (group is null)
        {
            return GroupDescription.Dead(groupId);
        }
        lock (group.Lock)
        {
            var stable = group.Is(GroupState.Stable);
            var members = group.Members.Select(m => new GroupDescription.Member(
                m.MemberId,
                m.GroupInstanceId,
                m.ClientId,
                m.ClientHost,
                stable ? m.MetadataFor(group.ProtocolName!) : ReadOnlyMemory<byte>.Empty,
                stable ? m.Assignment : ReadOnlyMemory<byte>.Empty)).ToArray();
            return new GroupDescription(group.GroupId, group.State, group.ProtocolType ?? string.Empty,
                stable ? group.ProtocolName ?? string.Empty : string.Empty, members);
        }
    }

    /// <summary>DeleteGroups: only Empty groups go (NON_EMPTY_GROUP otherwise); their metadata and offsets become tombstones.</summary>
    public async Task<IReadOnlyList<(string GroupId, ErrorCode Error)>> DeleteGroupsAsync(IReadOnlyList<string> groupIds)
    {
        var results = new List<(string, ErrorCode)>(groupIds.Count);
        var writes = new List<(int Index, Task Write)>();
        foreach (var groupId in groupIds)
        {
            var group = FindGroup(groupId);
            if (group is null)
            {
                results.Add((groupId, ErrorCode.GroupIdNotFound));
                continue;
            }
            lock (group.Lock)
            {
                switch (group.State)
                {
                    case GroupState.Dead:
                        results.Add((groupId, ErrorCode.GroupIdNotFound));
                        break;
                    case GroupState.Empty:
                        var offsetCount = group.Offsets.Count;
                        writes.Add((results.Count, Persist(group, Bury(group, group.Offsets.Keys.ToArray()))));
                        results.Add((groupId, ErrorCode.None));
                        GroupLog.GroupDeleted(_logger, groupId, offsetCount);
                        break;
                    default:
                        results.Add((groupId, ErrorCode.NonEmptyGroup));
                        break;
                }
            }
        }
        foreach (var (index, write) in writes)
        {
            try
            {
                await write.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                GroupLog.PersistFailed(_logger, ex, results[index].Item1);
                results[index] = (results[index].Item1, ErrorCode.CoordinatorNotAvailable);
            }
        }
        return results;
    }

    /// <summary>
    /// OffsetDelete: an Empty group loses the offsets; an active consumer group keeps those of topics it
    /// subscribes to (GROUP_SUBSCRIBED_TO_TOPIC). An Empty group left without offsets is deleted, as Kafka does.
    /// </summary>
    public async Task<(ErrorCode Error, IReadOnlyList<(TopicPartition Partition, ErrorCode Error)> Partitions)> DeleteOffsetsAsync(string groupId, IReadOnlyList<TopicPartition> partitions)
    {
        var group = FindGroup(groupId);
        if (group is null)
        {
            return (ErrorCode.GroupIdNotFound, []);
        }
        Task write;
        (TopicPartition, ErrorCode)[] results;
        lock (group.Lock)
        {
            IReadOnlyList<TopicPartition> eligible;
            switch (group.State)
            {
                case GroupState.Dead:
                    return (ErrorCode.GroupIdNotFound, []);
                case GroupState.Empty:
                    eligible = partitions;
                    break;
                case GroupState.PreparingRebalance or GroupState.CompletingRebalance or GroupState.Stable when group.IsConsumerGroup:
                    eligible = partitions.Where(p => !group.IsSubscribedToTopic(p.Topic)).ToArray();
                    break;
                default:
                    return (ErrorCode.NonEmptyGroup, []);
            }
            results = partitions.Select(p => (p, eligible.Contains(p) ? ErrorCode.None : ErrorCode.GroupSubscribedToTopic)).ToArray();
            var removed = eligible.Where(group.Offsets.ContainsKey).Distinct().ToArray();
            var records = new List<GroupRecord>();
            if (group.Is(GroupState.Empty) && removed.Length == group.Offsets.Count)
            {
                records.AddRange(Bury(group, removed));
            }
            else
            {
                foreach (var partition in removed)
                {
                    group.Offsets.Remove(partition);
                    group.OffsetSequences.Remove(partition);
                    records.Add(GroupRecords.OffsetTombstone(group.GroupId, partition));
                }
            }
            write = records.Count == 0 ? Task.CompletedTask : Persist(group, records);
        }
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            GroupLog.PersistFailed(_logger, ex, groupId);
            return (ErrorCode.CoordinatorNotAvailable, []);
        }
        return (ErrorCode.None, results);
    }

    /// <summary>Marks an Empty group Dead, forgets it, and returns the tombstones for its offsets and metadata.</summary>
    private List<GroupRecord> Bury(ClassicGroup group, IReadOnlyList<TopicPartition> offsets)
    {
        group.TransitionTo(GroupState.Dead, NowMs);
        group.Join?.Cancel();
        group.Join = null;
        _groups.TryRemove(new KeyValuePair<string, ClassicGroup>(group.GroupId, group));
        // Also offsets whose commit is still being written: nothing of the group may survive a replay.
        var written = group.LiveRecords.Keys.OfType<OffsetCommitKey>().Select(k => k.TopicPartition);
        var records = offsets.Union(written).Select(p => GroupRecords.OffsetTombstone(group.GroupId, p)).ToList();
        records.Add(GroupRecords.MetadataTombstone(group.GroupId));
        group.Offsets.Clear();
        group.OffsetSequences.Clear();
        return records;
    }

    /// <summary>
    /// Restores groups and offsets replayed from <c>__consumer_offsets</c> (before any request is served).
    /// Groups with members come back Stable and their sessions start now, as in Kafka's onGroupLoaded.
    /// </summary>
    public void Restore(IReadOnlyDictionary<string, GroupMetadataValue> groups, IReadOnlyDictionary<string, Dictionary<TopicPartition, CommittedOffset>> offsets)
    {
        foreach (var (groupId, value) in groups)
        {
            var group = GetOrCreateGroup(groupId);
            lock (group.Lock)
            {
                var members = value.Members.Select(m => new GroupMember(m.MemberId, m.GroupInstanceId, m.ClientId, m.ClientHost,
                    m.RebalanceTimeoutMs, m.SessionTimeoutMs, value.ProtocolType,
                    value.ProtocolName is { } protocol ? [new MemberProtocol(protocol, m.Subscription)] : [])
                {
                    Assignment = m.Assignment,
                    JoinSequence = group.NewJoinSequence(),
                }).ToArray();
                group.Restore(value.ProtocolType.Length == 0 ? null : value.ProtocolType, value.GenerationId, value.ProtocolName, value.LeaderId,
                    value.StateTimestampMs >= 0 ? value.StateTimestampMs : NowMs, members);
                group.LiveRecords[new GroupMetadataKey(groupId)] = value.Encode();
                foreach (var member in members)
                {
                    ScheduleSessionExpiry(group, member, member.SessionTimeoutMs);
                }
            }
        }
        foreach (var (groupId, committed) in offsets)
        {
            var group = GetOrCreateGroup(groupId);
            lock (group.Lock)
            {
                foreach (var (partition, offset) in committed)
                {
                    group.Offsets[partition] = offset;
                    group.LiveRecords[new OffsetCommitKey(groupId, partition)] = OffsetCommitValue.Encode(offset);
                }
            }
        }
    }

    /// <summary>
    /// Writes every group's live records again (the last record of each key). The broker cannot compact
    /// <c>__consumer_offsets</c>; rewriting the live state more often than the topic's retention lets time
    /// retention drop old segments without losing anything a replay needs. Completes when durable.
    /// </summary>
    public Task RefreshAsync()
    {
        var writes = new List<Task>();
        foreach (var group in _groups.Values)
        {
            lock (group.Lock)
            {
                if (!group.Is(GroupState.Dead) && group.LiveRecords.Count > 0)
                {
                    writes.Add(_sink.AppendAsync(OffsetsTopic.PartitionFor(group.GroupId),
                        group.LiveRecords.Select(r => new GroupRecord(r.Key, r.Value)).ToArray()));
                }
            }
        }
        return Task.WhenAll(writes);
    }
}
