using LagLab.Broker.Groups;
using LagLab.Protocol.Messages.OffsetFetch;

namespace LagLab.Broker.Handlers.Groups;

/// <summary>
/// OffsetFetch (key 9), v0-5: committed offsets, -1 and "" where nothing is committed. A null topic list
/// (v2+) returns every committed partition of the group.
/// </summary>
internal sealed class OffsetFetchHandler(GroupCoordinator coordinator) : RequestHandler<OffsetFetchRequest, OffsetFetchResponse>
{
    protected override ValueTask<OffsetFetchResponse?> HandleAsync(RequestContext context, OffsetFetchRequest request, CancellationToken cancellationToken)
    {
        var requested = request.Topics?.SelectMany(t => t.PartitionIndexes.Select(p => new TopicPartition(t.Name, p))).ToArray();
        var offsets = coordinator.FetchOffsets(request.GroupId, requested);
        var topics = offsets
            .GroupBy(o => o.Partition.Topic, StringComparer.Ordinal)
            .Select(g => new OffsetFetchResponse.Topic(g.Key, g.Select(o => new OffsetFetchResponse.Partition(
                o.Partition.Partition,
                o.Offset?.Offset ?? -1,
                o.Offset?.Metadata ?? string.Empty,
                Protocol.ErrorCode.None,
                o.Offset?.LeaderEpoch ?? -1)).ToArray()))
            .ToArray();
        return ValueTask.FromResult<OffsetFetchResponse?>(new OffsetFetchResponse(topics));
    }
}
