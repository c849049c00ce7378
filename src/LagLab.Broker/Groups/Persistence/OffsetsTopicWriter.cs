using System.Threading.Channels;
using LagLab.Protocol.Records;
using Microsoft.Extensions.Logging;

namespace LagLab.Broker.Groups.Persistence;

/// <summary>
/// The coordinator's sink: a single writer loop that appends records to <c>__consumer_offsets</c> in call
/// order. Whatever has queued up meanwhile is written as one batch per partition, so a burst of commits
/// costs one append (and one flush) instead of one each.
/// </summary>
internal sealed class OffsetsTopicWriter : IGroupRecordSink, IAsyncDisposable
{
    /// <summary>Most queued requests folded into one round of appends.</summary>
    private const int MaxRequestsPerRound = 1024;

    /// <summary>Most records in one batch, which keeps every batch far below the topic's size limit.</summary>
    private const int MaxRecordsPerBatch = 2000;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IOffsetsTopicLog _log;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public OffsetsTopicWriter(IOffsetsTopicLog log, TimeProvider time, ILogger logger)
    {
        _log = log;
        _time = time;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public Task AppendAsync(int partition, IReadOnlyList<GroupRecord> records)
    {
        var pending = new Pending(partition, records, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(pending)
            ? pending.Done.Task
            : Task.FromException(new ObjectDisposedException(nameof(OffsetsTopicWriter), "The broker is shutting down."));
    }

    private async Task RunAsync()
    {
        var round = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            round.Clear();
            while (round.Count < MaxRequestsPerRound && _queue.Reader.TryRead(out var pending))
            {
                round.Add(pending);
            }
            WriteRound(round);
        }
    }

    private void WriteRound(List<Pending> round)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var partition in round.GroupBy(p => p.Partition))
        {
            try
            {
                foreach (var chunk in partition.SelectMany(p => p.Records).Chunk(MaxRecordsPerBatch))
                {
                    var builder = new RecordBatchBuilder();
                    foreach (var record in chunk)
                    {
                        // A null value must stay null (a tombstone), not become an empty value.
                        builder.Add(record.Key.Encode(), record.Value is null ? (ReadOnlyMemory<byte>?)null : record.Value, now);
                    }
                    _log.Append(partition.Key, builder.Build());
                }
                foreach (var pending in partition)
                {
                    pending.Done.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                GroupLog.PersistFailed(_logger, ex, $"__consumer_offsets-{partition.Key}");
                foreach (var pending in partition)
                {
                    pending.Done.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>Writes everything already queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private sealed record Pending(int Partition, IReadOnlyList<GroupRecord> Records, TaskCompletionSource Done);
}
