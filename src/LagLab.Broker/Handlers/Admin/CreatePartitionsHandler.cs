using LagLab.Broker.Topics;
using LagLab.Protocol;
using LagLab.Protocol.Messages.CreatePartitions;

namespace LagLab.Broker.Handlers.Admin;

/// <summary>CreatePartitions (key 37), v0-1: increase only; existing partitions and their data are untouched.</summary>
internal sealed class CreatePartitionsHandler(TopicManager topics, BrokerNode node, BrokerMetrics metrics)
    : RequestHandler<CreatePartitionsRequest, CreatePartitionsResponse>
{
    protected override ValueTask<CreatePartitionsResponse?> HandleAsync(RequestContext context, CreatePartitionsRequest request, CancellationToken cancellationToken)
    {
        var results = request.Topics.Select(topic =>
        {
            var result = Increase(topic, request.ValidateOnly);
            if (result.Error != ErrorCode.None)
            {
                metrics.ErrorReturned(ApiKey.CreatePartitions, result.Error);
            }
            return new CreatePartitionsResponse.Result(topic.Name, result.Error, result.Message);
        }).ToArray();
        return ValueTask.FromResult<CreatePartitionsResponse?>(new CreatePartitionsResponse(results));
    }

    private TopicResult Increase(CreatePartitionsRequest.Topic topic, bool validateOnly)
    {
        if (topic.Assignments is { } assignments)
        {
            if (topics.TryGetTopic(topic.Name, out var existing) && assignments.Count != topic.Count - existing.Partitions.Count)
            {
                return TopicResult.Fail(ErrorCode.InvalidReplicaAssignment, $"Increasing to {topic.Count} partitions needs {topic.Count - existing.Partitions.Count} assignments, got {assignments.Count}.");
            }
            if (assignments.Any(a => a.BrokerIds.Count != 1 || a.BrokerIds[0] != node.NodeId))
            {
                return TopicResult.Fail(ErrorCode.InvalidReplicaAssignment, $"Assignments may only name broker {node.NodeId}, the only broker of this cluster.");
            }
        }
        var result = topics.CreatePartitions(topic.Name, topic.Count, validateOnly);
        return result with { Message = result.Error == ErrorCode.None ? null : result.Message };
    }
}
