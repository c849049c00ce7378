using LagLab.Broker.Groups;
using LagLab.Protocol;
using LagLab.Protocol.Messages.OffsetCommit;

namespace LagLab.Broker.Handlers.Groups;

/// <summary>
/// OffsetCommit (key 8), v0-7. v0 commits outside any generation; the v1 commit timestamp and the v2-4
/// retention time are accepted and ignored (offsets do not expire here). Partitions of topics the broker does
/// not have are refused with UNKNOWN_TOPIC_OR_PARTITION, as Kafka does.
/// </summary>
internal sealed class OffsetCommitHandler(GroupCoordinator coordinator, Func<string, int, bool> partitionExists)
    : RequestHandler<OffsetCommitRequest, OffsetCommitResponse>
{
    protected override async ValueTask<OffsetCommitResponse?> HandleAsync(RequestContext context, OffsetCommitRequest request, CancellationToken cancellationToken)
    {
        var version = context.ApiVersion;
        var errors = new Dictionary<TopicPartition, ErrorCode>();
        var accepted = new List<OffsetCommitCommand.Partition>();
        foreach (var topic in request.Topics)
        {
            foreach (var partition in topic.Partitions)
            {
                var key = new TopicPartition(topic.Name, partition.PartitionIndex);
                if (partitionExists(topic.Name, partition.PartitionIndex))
                {
                    accepted.Add(new OffsetCommitCommand.Partition(key, partition.CommittedOffset, version >= 6 ? partition.CommittedLeaderEpoch : -1, partition.CommittedMetadata));
                }
                else
                {
                    errors[key] = ErrorCode.UnknownTopicOrPartition;
                }
            }
        }
        if (accepted.Count > 0)
        {
            var command = new OffsetCommitCommand(request.GroupId,
                version >= 1 ? request.MemberId : string.Empty,
                version >= 7 ? request.GroupInstanceId : null,
                version >= 1 ? request.GenerationId : -1,
                accepted);
            foreach (var (partition, error) in await coordinator.CommitOffsetsAsync(command).WaitAsync(cancellationToken))
            {
                errors[partition] = error;
            }
        }
        var topics = request.Topics.Select(t => new OffsetCommitResponse.Topic(t.Name,
            t.Partitions.Select(p => new OffsetCommitResponse.Partition(p.PartitionIndex, errors[new TopicPartition(t.Name, p.PartitionIndex)])).ToArray())).ToArray();
        return new OffsetCommitResponse(topics);
    }
}
