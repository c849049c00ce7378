using LagLab.Broker.Groups;
using LagLab.Protocol;
using LagLab.Protocol.Messages.OffsetDelete;

namespace LagLab.Broker.Handlers.Groups;

/// <summary>
/// OffsetDelete (key 47), v0: GROUP_SUBSCRIBED_TO_TOPIC for topics an active consumer group still reads,
/// UNKNOWN_TOPIC_OR_PARTITION for partitions the broker does not have.
/// </summary>
internal sealed class OffsetDeleteHandler(GroupCoordinator coordinator, Func<string, int, bool> partitionExists)
    : RequestHandler<OffsetDeleteRequest, OffsetDeleteResponse>
{
    protected override async ValueTask<OffsetDeleteResponse?> HandleAsync(RequestContext context, OffsetDeleteRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<TopicPartition, ErrorCode>();
        var eligible = new List<TopicPartition>();
        foreach (var topic in request.Topics)
        {
            foreach (var index in topic.PartitionIndexes)
            {
                var partition = new TopicPartition(topic.Name, index);
                if (partitionExists(topic.Name, index))
                {
                    eligible.Add(partition);
                }
                else
                {
                    errors[partition] = ErrorCode.UnknownTopicOrPartition;
                }
            }
        }
        var (groupError, results) = await coordinator.DeleteOffsetsAsync(request.GroupId, eligible).WaitAsync(cancellationToken);
        if (groupError != ErrorCode.None)
        {
            return new OffsetDeleteResponse(groupError, []);
        }
        foreach (var (partition, error) in results)
        {
            errors[partition] = error;
        }
        var topics = request.Topics.Select(t => new OffsetDeleteResponse.Topic(t.Name,
            t.PartitionIndexes.Select(p => new OffsetDeleteResponse.Partition(p, errors[new TopicPartition(t.Name, p)])).ToArray())).ToArray();
        return new OffsetDeleteResponse(ErrorCode.None, topics);
    }
}
