using LagLab.Broker.Topics;
using LagLab.Protocol;
using LagLab.Protocol.Messages.ListOffsets;

namespace LagLab.Broker.Handlers.Data;

/// <summary>
/// ListOffsets (key 2), v0-5: -1 is the log end (high watermark), -2 the log start, any other timestamp
/// the first offset whose timestamp is at least it (-1/-1 when none). v0 answers with exactly one
/// old-style offset, which sarama (Burrow) indexes blindly.
/// </summary>
internal sealed class ListOffsetsHandler(TopicManager topics, BrokerMetrics metrics) : RequestHandler<ListOffsetsRequest, ListOffsetsResponse>
{
    protected override ValueTask<ListOffsetsResponse?> HandleAsync(RequestContext context, ListOffsetsRequest request, CancellationToken cancellationToken)
    {
        var responses = request.Topics.Select(topic => new ListOffsetsResponse.Topic(
            topic.Name,
            topic.Partitions.Select(p => Answer(context.ApiVersion, topic.Name, p)).ToArray())).ToArray();
        return ValueTask.FromResult<ListOffsetsResponse?>(new ListOffsetsResponse(responses));
    }

    private ListOffsetsResponse.Partition Answer(short version, string topic, ListOffsetsRequest.Partition request)
    {
        if (!topics.TryGetPartition(topic, request.Index, out var partition))
        {
            metrics.ErrorReturned(ApiKey.ListOffsets, ErrorCode.UnknownTopicOrPartition);
            return new ListOffsetsResponse.Partition(request.Index, ErrorCode.UnknownTopicOrPartition);
        }
        var (timestamp, offset) = request.Timestamp switch
        {
            ListOffsetsRequest.LatestTimestamp => (-1L, partition.HighWatermark),
            ListOffsetsRequest.EarliestTimestamp => (-1L, partition.LogStartOffset),
            _ => partition.FindOffsetByTimestamp(request.Timestamp) is { } found ? (found.Timestamp, found.Offset) : (-1L, -1L),
        };
        if (version == 0)
        {
            // v0 has no "not found": the next offset to be written is the honest single answer.
            return new ListOffsetsResponse.Partition(request.Index, ErrorCode.None, OldStyleOffsets: [offset >= 0 ? offset : partition.HighWatermark]);
        }
        return new ListOffsetsResponse.Partition(request.Index, ErrorCode.None, timestamp, offset, offset >= 0 ? 0 : -1);
    }
}
