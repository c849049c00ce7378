using LagLab.Broker.Groups.Persistence;
using LagLab.Protocol;

namespace LagLab.Broker.Groups;

internal sealed partial class GroupCoordinator
{
    /// <summary>
    /// OffsetCommit: validated like Kafka (members of the current generation, or anyone with generation -1 while
    /// the group is Empty), accepted in Stable and PreparingRebalance, REBALANCE_IN_PROGRESS in
    /// CompletingRebalance. Completes once the records are durable; only then do fetches see them.
    /// </summary>
    public Task<IReadOnlyList<(TopicPartition Partition, ErrorCode Error)>> CommitOffsetsAsync(OffsetCommitCommand request)
    {
        var group = FindGroup(request.GroupId);
        if (group is null)
        {
            if (request.GenerationId >= 0)
            {
                // A generation for a group that does not exist: a member of a group that is gone.
                return Done(AllFailed(request, ErrorCode.IllegalGeneration));
            }
            group = GetOrCreateGroup(request.GroupId);
        }
        lock (group.Lock)
        {
            var error = ValidateOffsetCommit(group, request);
            if (error != ErrorCode.None)
            {
                return Done(AllFailed(request, error));
            }
            switch (group.State)
            {
                case GroupState.CompletingRebalance:
                    return Done(AllFailed(request, ErrorCode.RebalanceInProgress));
                case GroupState.Stable or GroupState.PreparingRebalance:
                    var member = group.Get(request.MemberId);
                    ScheduleSessionExpiry(group, member, member.SessionTimeoutMs);
                    break;
            }
            return StoreOffsets(group, request);
        }
    }

    private static IReadOnlyList<(TopicPartition, ErrorCode)> AllFailed(OffsetCommitCommand request, ErrorCode error) =>
        request.Partitions.Select(p => (p.TopicPartition, error)).ToArray();

    private static ErrorCode ValidateOffsetCommit(ClassicGroup group, OffsetCommitCommand request)
    {
        if (group.Is(GroupState.Dead))
        {
            return ErrorCode.CoordinatorNotAvailable;
        }
        if (request.GenerationId < 0 && group.Is(GroupState.Empty))
        {
            return ErrorCode.None;
        }
        if (request.GenerationId >= 0 || request.MemberId.Length > 0 || request.GroupInstanceId is not null)
        {
            var error = ValidateCurrentMember(group, request.MemberId, request.GroupInstanceId);
            if (error != ErrorCode.None)
            {
                return error;
            }
            return request.GenerationId != group.GenerationId ? ErrorCode.IllegalGeneration : ErrorCode.None;
        }
        // Outside group management, only an Empty group takes commits.
        return ErrorCode.UnknownMemberId;
    }

    private Task<IReadOnlyList<(TopicPartition Partition, ErrorCode Error)>> StoreOffsets(ClassicGroup group, OffsetCommitCommand request)
    {
        var now = NowMs;
        var results = new (TopicPartition, ErrorCode)[request.Partitions.Count];
        var records = new List<GroupRecord>(request.Partitions.Count);
        var accepted = new List<(TopicPartition Partition, CommittedOffset Offset, long Sequence)>(request.Partitions.Count);
        for (var i = 0; i < request.Partitions.Count; i++)
        {
            var partition = request.Partitions[i];
            var metadata = partition.Metadata ?? string.Empty;
            if (metadata.Length > GroupCoordinatorOptions.OffsetMetadataMaxSize)
            {
                results[i] = (partition.TopicPartition, ErrorCode.OffsetMetadataTooLarge);
                continue;
            }
            var offset = new CommittedOffset(partition.Offset, partition.LeaderEpoch, metadata, now);
            records.Add(GroupRecords.Offset(group.GroupId, partition.TopicPartition, offset));
            accepted.Add((partition.TopicPartition, offset, ++group.NextCommitSequence));
            results[i] = (partition.TopicPartition, ErrorCode.None);
        }
        if (records.Count == 0)
        {
            return Done<IReadOnlyList<(TopicPartition, ErrorCode)>>(results);
        }
        var done = NewParked<IReadOnlyList<(TopicPartition, ErrorCode)>>();
        AfterWrite(group, Persist(group, records), succeeded =>
        {
            if (!succeeded)
            {
                done.TrySetResult(results.Select(r => r.Item2 == ErrorCode.None ? (r.Item1, ErrorCode.CoordinatorNotAvailable) : r).ToArray());
                return;
            }
            if (!group.Is(GroupState.Dead))
            {
                foreach (var (partition, offset, sequence) in accepted)
                {
                    // Writes complete in order, but their continuations may not run in order.
                    if (sequence > group.OffsetSequences.GetValueOrDefault(partition))
                    {
                        group.Offsets[partition] = offset;
                        group.OffsetSequences[partition] = sequence;
                    }
                }
            }
            done.TrySetResult(results);
        });
        return done.Task;
    }

    /// <summary>OffsetFetch: the committed offsets of the requested partitions (null offset when none), or all of them when <paramref name="partitions"/> is null.</summary>
    public IReadOnlyList<(TopicPartition Partition, CommittedOffset? Offset)> FetchOffsets(string groupId, IReadOnlyList<TopicPartition>? partitions)
    {
        var group = FindGroup(groupId);
        if (group is null)
        {
            return partitions?.Select(p => (p, (CommittedOffset?)null)).ToArray() ?? [];
        }
        lock (group.Lock)
        {
            if (partitions is null)
            {
                return group.Offsets
                    .OrderBy(o => o.Key.Topic, StringComparer.Ordinal).ThenBy(o => o.Key.Partition)
                    .Select(o => (o.Key, (CommittedOffset?)o.Value)).ToArray();
            }
            return partitions.Select(p => (p, group.Offsets.GetValueOrDefault(p))).ToArray();
        }
    }
}
