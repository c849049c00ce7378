using LagLab.Protocol;
using LagLab.Protocol.Messages.OffsetForLeaderEpoch;

namespace LagLab.Broker.Handlers.Groups;

/// <summary>
/// OffsetForLeaderEpoch (key 23), v2-3, trivially: this broker has only ever had leader epoch 0, so every
/// epoch ends at the log end offset. librdkafka asks after a seek to a position carrying an epoch.
/// </summary>
internal sealed class OffsetForLeaderEpochHandler(Func<string, int, long?> logEndOffset)
    : RequestHandler<OffsetForLeaderEpochRequest, OffsetForLeaderEpochResponse>
{
    protected override ValueTask<OffsetForLeaderEpochResponse?> HandleAsync(RequestContext context, OffsetForLeaderEpochRequest request, CancellationToken cancellationToken)
    {
        var topics = request.Topics.Select(t => new OffsetForLeaderEpochResponse.Topic(t.Name, t.Partitions.Select(p =>
            logEndOffset(t.Name, p.PartitionIndex) is { } end
                ? new OffsetForLeaderEpochResponse.EpochEndOffset(ErrorCode.None, p.PartitionIndex, 0, end)
                : new OffsetForLeaderEpochResponse.EpochEndOffset(ErrorCode.UnknownTopicOrPartition, p.PartitionIndex, -1, -1)).ToArray())).ToArray();
        return ValueTask.FromResult<OffsetForLeaderEpochResponse?>(new OffsetForLeaderEpochResponse(topics));
    }
}
