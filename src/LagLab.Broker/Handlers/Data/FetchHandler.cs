using LagLab.Broker.Storage;
using LagLab.Broker.Topics;
using LagLab.Protocol;
using LagLab.Protocol.Messages.Fetch;

namespace LagLab.Broker.Handlers.Data;

/// <summary>
/// Fetch (key 1), v0-11, sessionless. Answers at once when max_wait is 0, when min_bytes are available,
/// or when a partition has an error; otherwise parks until an append to a requested partition brings
/// enough bytes, or max_wait passes, then returns what exists (Kafka's DelayedFetch). Batches are whole,
/// from the one containing the fetch offset; the first partition with data always gets at least one
/// batch (KIP-74), later ones only what fits in the response's max_bytes.
/// </summary>
internal sealed class FetchHandler(TopicManager topics, BrokerMetrics metrics, TimeProvider timeProvider) : RequestHandler<FetchRequest, FetchResponse>
{
    protected override async ValueTask<FetchResponse?> HandleAsync(RequestContext context, FetchRequest request, CancellationToken cancellationToken)
    {
        if (request.SessionId != 0 || request.SessionEpoch > 0)
        {
            // No sessions are ever created here, so any session the client names is unknown (KIP-227).
            metrics.ErrorReturned(ApiKey.Fetch, ErrorCode.FetchSessionIdNotFound);
            return new FetchResponse([], ErrorCode: ErrorCode.FetchSessionIdNotFound);
        }
        var started = timeProvider.GetTimestamp();
        var maxWait = TimeSpan.FromMilliseconds(Math.Max(request.MaxWaitMs, 0));
        while (true)
        {
            var arrivals = request.MaxWaitMs > 0 ? WatchPartitions(request) : [];
            var (responses, bytes, anyError) = Read(request);
            var remaining = maxWait - timeProvider.GetElapsedTime(started);
            if (bytes >= request.MinBytes || anyError || remaining <= TimeSpan.Zero || arrivals.Count == 0)
            {
                return new FetchResponse(responses);
            }
            await WaitForDataAsync(arrivals, remaining, cancellationToken);
        }
    }

    /// <summary>Taken before reading, so an append between the read and the wait still wakes us.</summary>
    private List<Task> WatchPartitions(FetchRequest request)
    {
        var arrivals = new List<Task>();
        foreach (var topic in request.Topics)
        {
            foreach (var partition in topic.Partitions)
            {
                if (topics.TryGetPartition(topic.Name, partition.Index, out var found))
                {
                    arrivals.Add(found.DataArrivedAsync());
                }
            }
        }
        return arrivals;
    }

    private async Task WaitForDataAsync(List<Task> arrivals, TimeSpan remaining, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(remaining, timeProvider, timeout.Token);
        arrivals.Add(delay);
        await Task.WhenAny(arrivals);
        await timeout.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private (FetchResponse.Topic[] Responses, long Bytes, bool AnyError) Read(FetchRequest request)
    {
        var responseBudget = (long)request.MaxBytes;
        long total = 0;
        var anyError = false;
        var responses = new FetchResponse.Topic[request.Topics.Count];
        for (var t = 0; t < request.Topics.Count; t++)
        {
            var topic = request.Topics[t];
            var partitions = new FetchResponse.Partition[topic.Partitions.Count];
            for (var p = 0; p < topic.Partitions.Count; p++)
            {
                var wanted = topic.Partitions[p];
                var budget = (int)Math.Clamp(Math.Min(wanted.PartitionMaxBytes, responseBudget - total), 0, int.MaxValue);
                var read = topics.TryGetPartition(topic.Name, wanted.Index, out var partition)
                    ? partition.Read(wanted.FetchOffset, budget, minOneBatch: total == 0 && wanted.PartitionMaxBytes > 0)
                    : LogReadResult.Failed(ErrorCode.UnknownTopicOrPartition);
                if (read.Error != ErrorCode.None)
                {
                    anyError = true;
                    metrics.ErrorReturned(ApiKey.Fetch, read.Error);
                    partitions[p] = new FetchResponse.Partition(wanted.Index, read.Error, -1, [], -1, -1);
                    continue;
                }
                total += read.Length;
                partitions[p] = new FetchResponse.Partition(wanted.Index, ErrorCode.None, read.LogEndOffset, read.Chunks, read.LogEndOffset, read.LogStartOffset);
            }
            responses[t] = new FetchResponse.Topic(topic.Name, partitions);
        }
        return (responses, total, anyError);
    }
}
