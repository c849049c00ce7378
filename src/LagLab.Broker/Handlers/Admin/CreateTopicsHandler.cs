using LagLab.Broker.Topics;
using LagLab.Protocol;
using LagLab.Protocol.Messages.CreateTopics;

namespace LagLab.Broker.Handlers.Admin;

/// <summary>
/// CreateTopics (key 19), v0-4: partitions (or -1 for the default), replication factor 1 or -1, or a
/// manual assignment that can only name this node; topic configs validated by name; validate_only
/// checks everything and creates nothing. Each topic gets its own error and message.
/// </summary>
internal sealed class CreateTopicsHandler(TopicManager topics, BrokerNode node, BrokerMetrics metrics)
    : RequestHandler<CreateTopicsRequest, CreateTopicsResponse>
{
    protected override ValueTask<CreateTopicsResponse?> HandleAsync(RequestContext context, CreateTopicsRequest request, CancellationToken cancellationToken)
    {
        var duplicates = request.Topics.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var results = new List<CreateTopicsResponse.Topic>(request.Topics.Count);
        foreach (var topic in request.Topics)
        {
            if (duplicates.Contains(topic.Name))
            {
                if (!results.Any(r => r.Name == topic.Name))
                {
                    results.Add(Failed(topic.Name, ErrorCode.InvalidRequest, $"Topic '{topic.Name}' appears more than once in the request."));
                }
                continue;
            }
            var result = Create(topic, request.ValidateOnly);
            results.Add(result.Error == ErrorCode.None ? new CreateTopicsResponse.Topic(topic.Name, ErrorCode.None) : Failed(topic.Name, result.Error, result.Message));
        }
        return ValueTask.FromResult<CreateTopicsResponse?>(new CreateTopicsResponse(results));
    }

    private TopicResult Create(CreateTopicsRequest.Topic topic, bool validateOnly)
    {
        var partitions = topic.NumPartitions;
        var replicationFactor = topic.ReplicationFactor;
        if (topic.Assignments.Count > 0)
        {
            if (partitions != -1 || replicationFactor != -1)
            {
                return TopicResult.Fail(ErrorCode.InvalidRequest, "Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.");
            }
            if (!topic.Assignments.Select(a => a.PartitionIndex).Order().SequenceEqual(Enumerable.Range(0, topic.Assignments.Count)))
            {
                return TopicResult.Fail(ErrorCode.InvalidReplicaAssignment, "Partitions in the assignment must be numbered 0 to N-1, each once.");
            }
            if (topic.Assignments.FirstOrDefault(a => a.BrokerIds.Count != 1 || a.BrokerIds[0] != node.NodeId) is { } bad)
            {
                return TopicResult.Fail(ErrorCode.InvalidReplicaAssignment, $"Partition {bad.PartitionIndex} is assigned to brokers [{string.Join(",", bad.BrokerIds)}]; this cluster has only broker {node.NodeId}.");
            }
            (partitions, replicationFactor) = (topic.Assignments.Count, 1);
        }
        var configs = topic.Configs.Select(c => new KeyValuePair<string, string?>(c.Name, c.Value));
        return topics.CreateTopic(topic.Name, partitions, replicationFactor, configs, validateOnly);
    }

    private CreateTopicsResponse.Topic Failed(string name, ErrorCode error, string? message)
    {
        metrics.ErrorReturned(ApiKey.CreateTopics, error);
        return new CreateTopicsResponse.Topic(name, error, message);
    }
}
