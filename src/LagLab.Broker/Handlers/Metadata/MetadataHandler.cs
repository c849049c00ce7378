using LagLab.Broker.Topics;
using LagLab.Protocol;
using LagLab.Protocol.Messages.Metadata;

namespace LagLab.Broker.Handlers.Metadata;

/// <summary>
/// Metadata (key 3), v0-8: this node as the only broker and the controller, the cluster id, and every
/// requested topic exactly once (librdkafka rejects duplicates and extras). An unknown topic is created
/// when both the broker and the request allow it, answered LEADER_NOT_AVAILABLE as Kafka does for a
/// topic it just created; clients ask again.
/// </summary>
internal sealed class MetadataHandler(TopicManager topics, BrokerNode node, BrokerOptions options, BrokerMetrics metrics)
    : RequestHandler<MetadataRequest, MetadataResponse>
{
    /// <summary>Every topic ACL operation: READ 3, WRITE 4, CREATE 5, DELETE 6, ALTER 7, DESCRIBE 8, DESCRIBE_CONFIGS 10, ALTER_CONFIGS 11.</summary>
    private const int TopicOperations = (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8) | (1 << 10) | (1 << 11);

    /// <summary>Cluster operations: CREATE 5, ALTER 7, DESCRIBE 8, CLUSTER_ACTION 9, DESCRIBE_CONFIGS 10, ALTER_CONFIGS 11, IDEMPOTENT_WRITE 12.</summary>
    private const int ClusterOperations = (1 << 5) | (1 << 7) | (1 << 8) | (1 << 9) | (1 << 10) | (1 << 11) | (1 << 12);

    protected override ValueTask<MetadataResponse?> HandleAsync(RequestContext context, MetadataRequest request, CancellationToken cancellationToken)
    {
        var topicOperations = request.IncludeTopicAuthorizedOperations ? TopicOperations : MetadataResponse.AuthorizedOperationsOmitted;
        var answered = request.Topics is null
            ? topics.Topics.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => Describe(t, topicOperations))
            : request.Topics.Distinct(StringComparer.Ordinal).Select(name => Lookup(name, request.AllowAutoTopicCreation, topicOperations));
        var response = new MetadataResponse(
            [new MetadataResponse.Broker(node.NodeId, node.Host, node.Port)],
            answered.ToArray(),
            ClusterId: node.ClusterId,
            ControllerId: node.NodeId,
            ClusterAuthorizedOperations: request.IncludeClusterAuthorizedOperations ? ClusterOperations : MetadataResponse.AuthorizedOperationsOmitted);
        return ValueTask.FromResult<MetadataResponse?>(response);
    }

    private MetadataResponse.Topic Lookup(string name, bool allowAutoCreate, int operations)
    {
        if (topics.TryGetTopic(name, out var topic))
        {
            return Describe(topic, operations);
        }
        var error = ErrorCode.UnknownTopicOrPartition;
        if (TopicNames.Validate(name) is not null)
        {
            error = ErrorCode.InvalidTopicException;
        }
        else if (allowAutoCreate && options.AutoCreateTopics)
        {
            var created = topics.GetOrAutoCreate(name);
            error = created.Error == ErrorCode.None ? ErrorCode.LeaderNotAvailable : created.Error;
        }
        metrics.ErrorReturned(ApiKey.Metadata, error);
        return new MetadataResponse.Topic(error, name, [], TopicAuthorizedOperations: operations);
    }

    private MetadataResponse.Topic Describe(Topic topic, int operations)
    {
        int[] replicas = [node.NodeId];
        var partitions = topic.Partitions
            .Select(p => new MetadataResponse.Partition(ErrorCode.None, p.Index, node.NodeId, replicas, replicas, LeaderEpoch: 0))
            .ToArray();
        return new MetadataResponse.Topic(ErrorCode.None, topic.Name, partitions, topic.IsInternal, operations);
    }
}
