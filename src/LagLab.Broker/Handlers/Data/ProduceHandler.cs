using LagLab.Broker.Storage;
using LagLab.Broker.Topics;
using LagLab.Protocol;
using LagLab.Protocol.Messages.Produce;
using LagLab.Protocol.Records;

namespace LagLab.Broker.Handlers.Data;

/// <summary>
/// Produce (key 0), v3-8: validates and appends each partition's batch. acks 1 and -1 are the same on a
/// single replica (the append, and its fsync under the default flush policy, precede the answer); acks
/// 0 gets no response at all.
/// </summary>
internal sealed class ProduceHandler(TopicManager topics, BrokerMetrics metrics) : RequestHandler<ProduceRequest, ProduceResponse>
{
    /// <summary>zstd batches need Produce v7 (KIP-110).</summary>
    private const short ZstdMinVersion = 7;

    protected override ValueTask<ProduceResponse?> HandleAsync(RequestContext context, ProduceRequest request, CancellationToken cancellationToken)
    {
        var validAcks = request.Acks is 0 or 1 or -1;
        var responses = new ProduceResponse.Topic[request.Topics.Count];
        for (var t = 0; t < request.Topics.Count; t++)
        {
            var topic = request.Topics[t];
            var lookup = validAcks ? FindTopic(topic.Name) : default;
            var partitions = new ProduceResponse.Partition[topic.Partitions.Count];
            for (var p = 0; p < topic.Partitions.Count; p++)
            {
                var partition = topic.Partitions[p];
                var result = !validAcks
                    ? PartitionAppendResult.Failed(ErrorCode.InvalidRequiredAcks, $"acks must be 0, 1 or -1, got {request.Acks}.")
                    : Append(context.ApiVersion, lookup, partition);
                if (result.Error != ErrorCode.None)
                {
                    metrics.ErrorReturned(ApiKey.Produce, result.Error);
                }
                partitions[p] = new ProduceResponse.Partition(partition.Index, result.Error, result.BaseOffset, result.LogAppendTime, result.LogStartOffset, ErrorMessage: result.ErrorMessage);
            }
            responses[t] = new ProduceResponse.Topic(topic.Name, partitions);
        }
        return ValueTask.FromResult(request.Acks == 0 ? null : new ProduceResponse(responses));
    }

    private TopicResult FindTopic(string name)
    {
        var result = topics.GetOrAutoCreate(name);
        if (result.Topic is { IsInternal: true })
        {
            return TopicResult.Fail(ErrorCode.InvalidTopicException, $"Topic '{name}' is internal to the broker; clients cannot produce to it.");
        }
        return result;
    }

    private static PartitionAppendResult Append(short version, TopicResult topic, ProduceRequest.Partition request)
    {
        if (topic.Topic is null)
        {
            return PartitionAppendResult.Failed(topic.Error, topic.Message);
        }
        if (!topic.Topic.TryGetPartition(request.Index, out var partition))
        {
            return PartitionAppendResult.Failed(ErrorCode.UnknownTopicOrPartition, $"Topic '{topic.Topic.Name}' has no partition {request.Index}.");
        }
        var records = request.Records ?? ReadOnlyMemory<byte>.Empty;
        if (version < ZstdMinVersion && RecordBatchHeader.TryRead(records.Span, out var header) && header.Compression == CompressionType.Zstd)
        {
            return PartitionAppendResult.Failed(ErrorCode.UnsupportedCompressionType, $"zstd-compressed batches need Produce v{ZstdMinVersion} or later, got v{version}.");
        }
        return partition.Append(records.Span);
    }
}
