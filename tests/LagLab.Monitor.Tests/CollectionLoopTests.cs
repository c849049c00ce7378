using Confluent.Kafka;
using LagLab.Monitor.Alerting;
using LagLab.Monitor.Analysis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Monitor.Tests;

public sealed class CollectionLoopTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private sealed record Fixture(CollectionLoop Loop, FakeClusterReader Reader, MonitorState State, AlertEngine Engine, FakeTimeProvider Time);

    private static Fixture Create(AlertEngine? engine = null, Func<HttpMessageHandler>? receiver = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var reader = new FakeClusterReader(time)
        {
            Next = now => new SnapshotBuilder().Partition("t", 0, latest: 5000).Group("g").Commit("g", "t", 0, 1000).At(now),
        };
        var options = new MonitorOptions { BootstrapServers = "unused:9092", Interval = TimeSpan.FromSeconds(5), CycleTimeout = TimeSpan.FromSeconds(10) };
        var state = new MonitorState(TimeSpan.FromHours(1));
        engine ??= new AlertEngine(LagMonitor.LoadRules(null));
        var notifier = receiver is null
            ? null
            : new AlertmanagerNotifier(new HttpClient(receiver()), new Uri("http://127.0.0.1:9/api/v2/alerts"), time, TimeSpan.FromMinutes(1), "http://127.0.0.1:9308/", NullLogger.Instance);
        var loop = new CollectionLoop(reader, new LagAnalyzer(new AnalyzerOptions()), state, engine, notifier, options, time, NullLogger.Instance);
        return new Fixture(loop, reader, state, engine, time);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(5, Token);
        }
    }

    /// <summary>Answers nothing: signals the request, then waits until it is cancelled.</summary>
    private sealed class SilentReceiver : HttpMessageHandler
    {
        public TaskCompletionSource Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Received.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    [Fact]
    public async Task RunCycle_ClusterRead_PublishesFreshLagAndEvaluatesAlerts()
    {
        var f = Create();

        await f.Loop.RunCycleAsync(Token);

        Assert.True(f.State.Health.Up);
        Assert.Contains("kafka_consumer_lag{group=\"g\",partition=\"0\",topic=\"t\"} 4000\n", f.State.MetricsText, StringComparison.Ordinal);
        Assert.Contains("laglab_monitor_up 1\n", f.State.MetricsText, StringComparison.Ordinal);
        Assert.Contains(f.Engine.Alerts(), a => a.Name == "KafkaConsumerLagWarning" && a.State == AlertState.Pending);
    }

    [Fact]
    public async Task RunCycle_ClusterUnreachable_DownWithoutStaleLagThenRecovers()
    {
        var f = Create();
        await f.Loop.RunCycleAsync(Token);
        f.Reader.Failure = new KafkaException(ErrorCode.Local_Transport);

        f.Time.Advance(TimeSpan.FromSeconds(5));
        await f.Loop.RunCycleAsync(Token);
        var whileDown = f.State.MetricsText;
        var heldAlerts = f.Engine.Alerts();
        f.Reader.Failure = null;
        f.Time.Advance(TimeSpan.FromSeconds(5));
        await f.Loop.RunCycleAsync(Token);

        Assert.Contains("laglab_monitor_up 0\n", whileDown, StringComparison.Ordinal);
        Assert.DoesNotContain("kafka_", whileDown, StringComparison.Ordinal);
        Assert.Contains("laglab_monitor_cycle_failures_total 1\n", whileDown, StringComparison.Ordinal);
        Assert.Contains(heldAlerts, a => a.Name == "KafkaConsumerLagWarning" && a.State == AlertState.Pending);
        Assert.Contains(heldAlerts, a => a.Name == "LagLabMonitorCannotReadKafka");
        Assert.True(f.State.Health.Up);
        Assert.Contains("kafka_consumer_lag{", f.State.MetricsText, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Engine.Alerts(), a => a.Name == "LagLabMonitorCannotReadKafka" && a.State != AlertState.Resolved);
    }

    [Fact]
    public async Task RunCycle_OverTimeout_AbandonedCountedAndNoOverlap()
    {
        var f = Create();
        f.Reader.Hang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var cycle = f.Loop.RunCycleAsync(Token);
        f.Time.Advance(TimeSpan.FromSeconds(10));
        await cycle;
        var readsAfterTimeout = f.Reader.Reads;
        await f.Loop.RunCycleAsync(Token); // the abandoned read is still in flight: skipped
        var readsWhileInFlight = f.Reader.Reads;
        f.Reader.Hang.SetResult();
        f.Reader.Hang = null;
        await WaitUntilAsync(() => !f.Loop.AbandonedInFlight, "the abandoned read to finish");
        await f.Loop.RunCycleAsync(Token);

        Assert.Equal(1, f.State.Health.CycleTimeouts);
        Assert.Equal(1, readsAfterTimeout);
        Assert.Equal(1, readsWhileInFlight);
        Assert.Equal(2, f.Reader.Reads);
        Assert.True(f.State.Health.Up);
        Assert.Contains("laglab_monitor_cycle_timeouts_total 1\n", f.State.MetricsText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StoppedWhileAReadIgnoresCancellation_ReturnsOnlyAfterTheReadEnds()
    {
        // The real reader's metadata call blocks in librdkafka and cannot be cancelled; the monitor disposes
        // the client as soon as the loop returns, so returning earlier is a use of a destroyed native handle.
        var f = Create();
        f.Reader.Hang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => f.Loop.RunAsync(stop.Token), Token);
        await WaitUntilAsync(() => f.Reader.Reads == 1, "the first read to start");

        await stop.CancelAsync();
        // Room for a wrong early return to show; the correct loop cannot return here whatever the timing.
        var returnedEarly = await Task.WhenAny(run, Task.Delay(200, Token)) == run;
        var inFlightWhileStopping = f.Loop.AbandonedInFlight;
        f.Reader.Hang.SetResult();
        await run.WaitAsync(TimeSpan.FromSeconds(30), Token);

        Assert.False(returnedEarly, "the loop returned while its read was still running");
        Assert.True(inFlightWhileStopping);
        Assert.False(f.Loop.AbandonedInFlight);
        Assert.Equal(1, f.Reader.Reads);
    }

    [Fact]
    public async Task RunAsync_StoppedDuringAnAlertNotification_EndsWithoutAnError()
    {
        var receiver = new SilentReceiver();
        var f = Create(new AlertEngine(LagMonitor.LoadRules(null), forOverride: TimeSpan.Zero), () => receiver);
        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => f.Loop.RunAsync(stop.Token), Token);
        await receiver.Received.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);

        await stop.CancelAsync();

        await run.WaitAsync(TimeSpan.FromSeconds(30), Token); // throws if the stop escaped as an error
        Assert.True(run.IsCompletedSuccessfully);
        Assert.Contains(f.Engine.Alerts(), a => a.State == AlertState.Firing);
    }
}
