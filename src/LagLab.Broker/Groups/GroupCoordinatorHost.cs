using System.Diagnostics.Metrics;
using LagLab.Broker.Groups.Persistence;
using LagLab.Broker.Handlers;
using LagLab.Broker.Handlers.Groups;
using Microsoft.Extensions.Logging;

namespace LagLab.Broker.Groups;

/// <summary>
/// Everything the broker needs for consumer groups, started in one call from the composition root: the
/// coordinator restored from <c>__consumer_offsets</c>, its writer, and the group API handlers.
/// </summary>
internal sealed class GroupCoordinatorHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _refresh;

    private GroupCoordinatorHost(GroupCoordinator coordinator, OffsetsTopicWriter writer, TimeProvider time, ILogger logger)
    {
        Coordinator = coordinator;
        Writer = writer;
        _refresh = RefreshLoopAsync(time, logger, _stopping.Token);
    }

    public GroupCoordinator Coordinator { get; }

    public OffsetsTopicWriter Writer { get; }

    /// <summary>Replays the topic into a new coordinator; call before the broker accepts connections.</summary>
    public static GroupCoordinatorHost Start(BrokerOptions options, IOffsetsTopicLog offsetsTopic, TimeProvider time, ILoggerFactory loggerFactory, Meter meter)
    {
        var logger = loggerFactory.CreateLogger("LagLab.Broker.Groups");
        var writer = new OffsetsTopicWriter(offsetsTopic, time, logger);
        var coordinator = new GroupCoordinator(GroupCoordinatorOptions.From(options), writer, time, logger, meter);
        GroupStateLoader.Load(offsetsTopic, coordinator, logger);
        return new GroupCoordinatorHost(coordinator, writer, time, logger);
    }

    /// <summary>
    /// The group API handlers. <paramref name="partitionExists"/> refuses commits for unknown partitions;
    /// <paramref name="logEndOffset"/> (null: the API is not served) answers OffsetForLeaderEpoch.
    /// </summary>
    public IEnumerable<IRequestHandler> Handlers(BrokerOptions options, Func<int> port, Func<string, int, bool> partitionExists, Func<string, int, long?>? logEndOffset)
    {
        yield return new FindCoordinatorHandler(options, port);
        yield return new JoinGroupHandler(Coordinator);
        yield return new SyncGroupHandler(Coordinator);
        yield return new HeartbeatHandler(Coordinator);
        yield return new LeaveGroupHandler(Coordinator);
        yield return new OffsetCommitHandler(Coordinator, partitionExists);
        yield return new OffsetFetchHandler(Coordinator);
        yield return new ListGroupsHandler(Coordinator);
        yield return new DescribeGroupsHandler(Coordinator);
        yield return new DeleteGroupsHandler(Coordinator);
        yield return new OffsetDeleteHandler(Coordinator, partitionExists);
        if (logEndOffset is not null)
        {
            yield return new OffsetForLeaderEpochHandler(logEndOffset);
        }
    }

    /// <summary>
    /// Rewrites the live state at once (a restart may follow a long stop, after which retention would drop
    /// everything older), then every <see cref="OffsetsTopic.RefreshInterval"/>.
    /// </summary>
    private async Task RefreshLoopAsync(TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(OffsetsTopic.RefreshInterval, time);
        try
        {
            do
            {
                try
                {
                    await Coordinator.RefreshAsync().WaitAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    GroupLog.PersistFailed(logger, ex, OffsetsTopic.Name);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops the refresh, answers parked requests, then drains the writer so every acknowledged record is written.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _refresh;
        await Coordinator.DisposeAsync();
        await Writer.DisposeAsync();
        _stopping.Dispose();
    }
}
