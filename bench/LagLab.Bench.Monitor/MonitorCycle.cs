using System.Globalization;
using LagLab.Monitor;
using LagLab.Monitor.Alerting;
using LagLab.Monitor.Analysis;
using LagLab.Monitor.Collection;
using LagLab.Monitor.Exposition;

namespace LagLab.Bench.Monitor;

/// <summary>One full monitor cycle as the collection loop runs it: read, analyze, publish /metrics, evaluate the shipped rules.</summary>
internal sealed class MonitorCycle : IDisposable
{
    private readonly KafkaClusterReader _reader;
    private readonly LagAnalyzer _analyzer = new(new AnalyzerOptions { TimeLagMode = TimeLagMode.Estimate, BreachThresholds = [1000, 10000] });
    private readonly double[] _stages = new double[4];
    private readonly long[] _allocated = new long[5];
    private MonitorView _view = MonitorView.Empty;
    private int _samples;

    public MonitorCycle(string bootstrap)
    {
        var options = new MonitorOptions { BootstrapServers = bootstrap, CycleTimeout = TimeSpan.FromMinutes(1), TimeLagMode = TimeLagMode.Estimate };
        _reader = new KafkaClusterReader(options, TimeProvider.System);
    }

    public KafkaClusterReader Reader => _reader;

    public MonitorState State { get; } = new(TimeSpan.FromHours(1));

    public AlertEngine Engine { get; } = new(LagMonitor.LoadRules(null));

    public MonitorView View => _view;

    public async Task RunAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        _allocated[0] = GC.GetTotalAllocatedBytes(precise: true);
        var snapshot = await _reader.ReadAsync(CancellationToken.None);
        _stages[0] = watch.Elapsed.TotalMilliseconds;
        _allocated[1] = GC.GetTotalAllocatedBytes(precise: true);
        _view = await _analyzer.AnalyzeAsync(snapshot, CancellationToken.None);
        _stages[1] = watch.Elapsed.TotalMilliseconds;
        _allocated[2] = GC.GetTotalAllocatedBytes(precise: true);
        var published = State.Publish(_view, new MonitorHealth(true, 0, _view.Time, 0, 0, null));
        _stages[2] = watch.Elapsed.TotalMilliseconds;
        _allocated[3] = GC.GetTotalAllocatedBytes(precise: true);
        _samples = published.Names.Sum(n => published.Of(n).Count);
        Engine.Evaluate(published, DateTimeOffset.UtcNow);
        _stages[3] = watch.Elapsed.TotalMilliseconds;
        _allocated[4] = GC.GetTotalAllocatedBytes(precise: true);
    }

    /// <summary>Stage times and allocations of the last run, the live heap (forces a full collection) and the view's size.</summary>
    public string Detail() =>
        $"read {_stages[0]:F0} / analyze {_stages[1] - _stages[0]:F0} / metrics {_stages[2] - _stages[1]:F0} / alerts {_stages[3] - _stages[2]:F0} ms, " +
        $"allocated {Mb(_allocated[1] - _allocated[0])} / {Mb(_allocated[2] - _allocated[1])} / {Mb(_allocated[3] - _allocated[2])} / {Mb(_allocated[4] - _allocated[3])} MB (last run); " +
        $"live managed heap after the cycle {GC.GetTotalMemory(forceFullCollection: true) / 1048576} MB (GC committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576} MB, RSS {Environment.WorkingSet / 1048576} MB); {_view.Groups.Count} groups, {_view.Groups.Sum(g => g.Partitions.Count)} group-partitions, " +
        $"{_samples} series, {System.Text.Encoding.UTF8.GetByteCount(State.MetricsText) / 1024} KiB /metrics, total lag {_view.Groups.Sum(g => g.LagSum)}";

    public static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);

    public void Dispose() => _reader.Dispose();
}
