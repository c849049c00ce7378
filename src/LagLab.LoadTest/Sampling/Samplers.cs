using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Sampling;

/// <summary>
/// The sampling loops of a run, each on its own timer so a slow source (a frozen broker) never stalls the others:
/// lag and group state every 500 ms (AdminClient), the bank's ledger every 500 ms (stats and applied events, for
/// rates and exact end-to-end delay), the monitor's alerts and the fleet's CPU/memory every second.
/// </summary>
internal sealed class Samplers(SamplingSources sources, RunRecorder recorder, TimeProvider time, long start, DateTimeOffset startedAt)
{
    public static readonly TimeSpan LagInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LedgerInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan SlowInterval = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, (double T, double Cpu)> _cpu = new(StringComparer.Ordinal);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly HashSet<long> _applied = [];
    private long _ledgerNext;
    private long _doublyApplied;
    private long _foreign;
    private long _spool;
    private int _lagFailures;
    private int _bankFailures;
    private int _monitorFailures;

    private double Now => time.GetElapsedTime(start).TotalSeconds;

    public int LagFailures => _lagFailures;

    /// <summary>Ledger entries for an event the ledger had already listed: the event was applied twice.</summary>
    public long DoublyApplied => Interlocked.Read(ref _doublyApplied);

    /// <summary>Ledger entries for events this run did not produce.</summary>
    public long Foreign => Interlocked.Read(ref _foreign);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(
                LoopAsync(LagInterval, SampleLagAsync, cancellationToken),
                LoopAsync(LedgerInterval, SampleLedgerAsync, cancellationToken),
                LoopAsync(SlowInterval, SampleSlowAsync, cancellationToken));
        }
        finally
        {
            _http.Dispose();
        }
    }

    /// <summary>One last round of every source after the run, so the totals are current.</summary>
    public async Task FinalAsync(CancellationToken cancellationToken)
    {
        await SampleLagAsync(cancellationToken);
        await SampleLedgerAsync(cancellationToken);
    }

    private async Task LoopAsync(TimeSpan interval, Func<CancellationToken, Task> sample, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        var failed = false;
        do
        {
            try
            {
                await sample(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!failed)
            {
                // A sampler must not end the run; the gap in its series and this note say what happened.
                failed = true;
                recorder.Note(Now, $"a sampler failed and keeps trying ({ex.GetType().Name}: {ex.Message})");
            }
            catch (Exception)
            {
            }
        }
        while (await WaitAsync(timer, cancellationToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async Task SampleLagAsync(CancellationToken cancellationToken)
    {
        var t = Now;
        GroupSnapshot snapshot;
        try
        {
            snapshot = await sources.Cluster.SampleAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Confluent.Kafka.KafkaException or TimeoutException or InvalidOperationException)
        {
            if (Interlocked.Increment(ref _lagFailures) == 1)
            {
                recorder.Note(t, $"a lag sample failed ({ex.Message}); samples are missing while the cluster does not answer");
            }
            return;
        }
        var partitions = snapshot.End.Length;
        var lag = new long[partitions];
        var timeLag = new double[partitions];
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        for (var p = 0; p < partitions; p++)
        {
            var baseline = p < sources.BaselineEnd.Length ? sources.BaselineEnd[p] : 0;
            var from = snapshot.Committed[p] >= 0 ? snapshot.Committed[p] : baseline;
            lag[p] = snapshot.End[p] < 0 ? 0 : Math.Max(0, snapshot.End[p] - from);
            if (lag[p] > 0 && sources.Produced.ProducedAtOffset(p, from) is { } producedAt)
            {
                timeLag[p] = Math.Max(0, (nowMs - producedAt) / 1000.0);
            }
        }
        recorder.AddSample(new LagSample(Math.Round(t, 3), lag, snapshot.Committed, snapshot.End, timeLag, snapshot.State, snapshot.Members));
    }

    public async Task SampleLedgerAsync(CancellationToken cancellationToken)
    {
        var t = Now;
        try
        {
            var stats = await sources.Bank.StatsAsync(cancellationToken);
            recorder.AddRate(new RateSample(Math.Round(t, 3), sources.Produced.Sent, stats.Applied, stats.Duplicates, stats.Rejected,
                stats.Errors, stats.Timeouts, stats.Unavailable, Interlocked.Read(ref _spool)));
            while (true)
            {
                var page = await sources.Bank.EventsAsync(_ledgerNext, 5000, cancellationToken);
                foreach (var applied in page.Events)
                {
                    var number = sources.Produced.NumberOf(applied.EventId);
                    if (number < 0)
                    {
                        Interlocked.Increment(ref _foreign);
                        continue;
                    }
                    if (!_applied.Add(number))
                    {
                        Interlocked.Increment(ref _doublyApplied);
                        continue;
                    }
                    recorder.Applied.Add(sources.Produced.PartitionOf(number), (applied.AppliedAt - startedAt).TotalSeconds);
                    if (sources.Produced.ProducedAtMs(number) is { } producedAt)
                    {
                        var appliedMs = applied.AppliedAt.ToUnixTimeMilliseconds();
                        recorder.AddDelay((applied.AppliedAt - startedAt).TotalSeconds, Math.Max(0, (appliedMs - producedAt) / 1000.0));
                    }
                }
                _ledgerNext = page.Next;
                if (page.Events.Count < 5000)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            if (Interlocked.Increment(ref _bankFailures) == 1)
            {
                recorder.Note(t, $"reading the bank's ledger failed once ({ex.Message})");
            }
        }
    }

    private async Task SampleSlowAsync(CancellationToken cancellationToken)
    {
        var t = Now;
        recorder.Tick(t);
        if (sources.Monitor is { } monitor)
        {
            try
            {
                recorder.ObserveAlerts(t, startedAt, await monitor.AlertsAsync(cancellationToken));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or FormatException && !cancellationToken.IsCancellationRequested)
            {
                if (Interlocked.Increment(ref _monitorFailures) == 1)
                {
                    recorder.Note(t, $"reading the monitor's /api/alerts failed once ({ex.Message})");
                }
            }
        }
        if (sources.Fleet is { } fleet)
        {
            SampleResources(t, fleet.Running);
            await SampleSpoolAsync(fleet, cancellationToken);
        }
    }

    private void SampleResources(double t, IReadOnlyList<(string Name, int Pid)> running)
    {
        foreach (var (name, pid) in running)
        {
            if (Processes.ProcessUsage.Read(pid) is not { } usage)
            {
                continue;
            }
            var key = $"{name}/{pid}";
            if (_cpu.TryGetValue(key, out var previous) && t > previous.T)
            {
                var percent = Math.Max(0, (usage.CpuSeconds - previous.Cpu) / (t - previous.T) * 100);
                recorder.AddResource(new ResourceSample(Math.Round(t, 3), name, Math.Round(percent, 1), Math.Round(usage.RssBytes / 1048576.0, 1)));
            }
            _cpu[key] = (t, usage.CpuSeconds);
        }
    }

    private async Task SampleSpoolAsync(Parts.PipelineFleet fleet, CancellationToken cancellationToken)
    {
        double total = 0;
        foreach (var slot in fleet.Slots.Where(s => s.IsRunning))
        {
            try
            {
                var text = await _http.GetStringAsync(new Uri($"http://127.0.0.1:{slot.MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}/metrics"), cancellationToken);
                total += PrometheusText.Sum(text, "laglab_pipeline_spool_depth") ?? 0;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // An instance restarting has no metrics for a moment.
            }
        }
        Interlocked.Exchange(ref _spool, (long)total);
    }
}
