using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Parts;
using LagLab.LoadTest.Processes;
using LagLab.LoadTest.Results;
using LagLab.LoadTest.Sampling;
using LagLab.LoadTest.Timeline;
using LagLab.LoadTest.Traffic;
using LagLab.Scenarios;

namespace LagLab.LoadTest;

/// <summary>
/// One scenario, start to finish: start or connect to every part, wait for the fleet to join, drive traffic and
/// the timeline while sampling, drain, stop everything, and analyse. Setup time is not part of the run's clock.
/// </summary>
internal sealed class ScenarioRun
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan MonitorInterval = TimeSpan.FromSeconds(1);
    private readonly Scenario _scenario;
    private readonly LoadTestOptions _options;
    private readonly string _directory;
    private readonly string _logs;
    private readonly string _work;
    private readonly TimeProvider _time;

    public ScenarioRun(Scenario scenario, LoadTestOptions options, string directory)
    {
        _scenario = scenario;
        _options = options;
        _directory = directory;
        _logs = Path.Combine(directory, "logs");
        _work = Path.Combine(directory, "work");
        _time = options.Time;
        var wall = scenario.TimeScale.ToWall(scenario.Producer.Duration).TotalSeconds;
        Recorder = new RunRecorder(scenario.Name, wall, scenario.Bank.RateLimit);
    }

    public RunRecorder Recorder { get; }

    public string Directory => _directory;

    public async Task<RunResults> RunAsync(CancellationToken cancellationToken)
    {
        if (ActionPlan.Unsupported(_scenario) is { } unsupported)
        {
            throw new LoadTestException(unsupported);
        }
        System.IO.Directory.CreateDirectory(_logs);
        System.IO.Directory.CreateDirectory(_work);
        var launcher = _options.Launcher;
        var topic = _scenario.Topic.Name;
        var resultsTopic = topic + "-results";
        var deadLetterTopic = topic + "-dlq";
        var group = _scenario.Fleet.Group;

        BrokerProcess? broker = null;
        BankProcess? bank = null;
        MonitorProcess? monitor = null;
        PipelineFleet? fleet = null;
        ClusterSampler? cluster = null;
        using var exits = new ExitWatch(Recorder, _time);
        // The run cannot go on without its broker or bank: their exit ends it early, judged on what was recorded.
        const string RunStops = "the run stopped early: it cannot go on without this part";
        RunResults results;
        try
        {
            Recorder.SetPhase("starting the broker", 0);
            string bootstrap;
            IReadOnlyDictionary<string, string> settings;
            if (_scenario.Cluster.Kind == ClusterKind.Embedded)
            {
                broker = await BrokerProcess.StartAsync(launcher, _work, _logs, exit => exits.Report("broker", null, exit, RunStops, fatal: true), cancellationToken);
                bootstrap = broker.BootstrapServers;
                // One broker that comes back at the same address after restart_broker: librdkafka's re-bootstrap
                // (the default "rebootstrap") drops it and keeps the dropped connection as the group coordinator,
                // so every later group request times out (librdkafka #5511; docs/groups.md). Every client the
                // harness starts (sampler, monitor, pipelines) reconnects to the known broker instead.
                settings = new Dictionary<string, string> { ["metadata.recovery.strategy"] = "none" };
            }
            else
            {
                bootstrap = _scenario.Cluster.BootstrapServers!;
                settings = _scenario.Cluster.Settings;
            }

            Recorder.SetPhase("creating topics", 0);
            cluster = new ClusterSampler(bootstrap, settings, topic, group);
            await CreateTopicsAsync(cluster, topic, resultsTopic, deadLetterTopic, cancellationToken);
            var baseline = await cluster.EndOffsetsAsync([.. Enumerable.Range(0, await cluster.PartitionCountAsync(cancellationToken)).Select(p => new TopicPartition(topic, p))]);

            Recorder.SetPhase("starting the bank", 0);
            bank = await BankProcess.StartAsync(launcher, _scenario.Bank, _options.BankListen, _work, _logs, _options.Seed,
                exit => exits.Report("bank", null, exit, RunStops, fatal: true), cancellationToken);

            Recorder.SetPhase("starting the monitor", 0);
            monitor = await StartMonitorAsync(launcher, bootstrap, settings, group, exits, cancellationToken);

            if (_scenario.Fleet.Kind == FleetKind.Local)
            {
                Recorder.SetPhase($"starting {_scenario.Fleet.Instances} pipeline instances", 0);
                fleet = new PipelineFleet(launcher, new FleetSettings(_scenario.Fleet, bootstrap, settings, topic, resultsTopic, deadLetterTopic, bank.BaseAddress, _work, _logs), exits, _time, new FleetEventLog(_time));
                await fleet.StartAsync(_scenario.Fleet.Instances, cancellationToken);
            }
            Recorder.SetPhase("waiting for the group to join", 0);
            using (var setup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, exits.Fatal))
            {
                try
                {
                    await WaitForGroupAsync(cluster, setup.Token);
                }
                catch (OperationCanceledException) when (exits.FatalExit is { } fatal && !cancellationToken.IsCancellationRequested)
                {
                    throw new LoadTestException($"{fatal.Describe()} exited while the run was being set up; its last lines:{Environment.NewLine}{string.Join(Environment.NewLine, fatal.LastLines)}");
                }
                catch (LoadTestException ex) when (Recorder.UnexpectedExits is { Count: > 0 } crashed)
                {
                    // A group that never joined because an instance crashed: say which, not only that it did not join.
                    throw new LoadTestException($"{ex.Message}; meanwhile {string.Join(", ", crashed.Select(e => e.Describe()))} exited unasked", ex);
                }
            }

            results = await DriveAsync(bootstrap, settings, topic, cluster, broker, bank, monitor, fleet, baseline, exits, cancellationToken);
        }
        finally
        {
            Recorder.SetPhase("stopping", Recorder.TotalSeconds);
            if (fleet is not null)
            {
                await fleet.StopAllAsync();
                await fleet.DisposeAsync();
            }
            if (monitor is not null)
            {
                await monitor.DisposeAsync();
            }
            if (bank is not null)
            {
                await bank.DisposeAsync();
            }
            cluster?.Dispose();
            if (broker is not null)
            {
                await broker.DisposeAsync();
            }
            if (!_options.KeepWorkFiles)
            {
                TryDelete(_work);
            }
        }
        // A part may have exited after the analysis, while the run stopped: that fails the run too.
        return ExitCheck.Rejudge(results, Recorder.UnexpectedExits);
    }

    private async Task<RunResults> DriveAsync(
        string bootstrap, IReadOnlyDictionary<string, string> settings, string topic, ClusterSampler cluster,
        BrokerProcess? broker, BankProcess bank, MonitorProcess? monitor, PipelineFleet? fleet, long[] baseline, ExitWatch exits, CancellationToken cancellationToken)
    {
        var wall = _scenario.TimeScale.ToWall(_scenario.Producer.Duration);
        var log = new ProducedLog("ll" + _time.GetUtcNow().ToUnixTimeMilliseconds().ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        using var producer = new EventProducer(bootstrap, settings, topic, _scenario.WallClockRate, _scenario.Producer.Accounts, log, _options.Seed, _time);
        using var samplingStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var start = _time.GetTimestamp();
        var startedAt = _time.GetUtcNow();
        exits.TrafficStarted(start);
        // Traffic and timeline stop early, without a drain, when the broker or the bank is gone.
        using var runStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, exits.Fatal);
        Recorder.SetPhase("running", 0);
        var samplers = new Samplers(new SamplingSources(cluster, bank, monitor, fleet, log, baseline), Recorder, _time, start, startedAt);
        var sampling = samplers.RunAsync(samplingStop.Token);
        var controls = new RunControls(fleet, broker, bank, cluster, topic, _scenario.Fleet.ReplacementTime);
        var actions = new ActionRunner(controls, _time, Recorder.ActionStarted, Recorder.ActionFinished)
            .RunAsync(ActionPlan.Build(_scenario), start, runStop.Token);

        await producer.RunAsync(start, wall, runStop.Token);
        var actionRecords = await actions;
        cancellationToken.ThrowIfCancellationRequested();

        var drainSeconds = 0.0;
        if (exits.FatalExit is { } fatal)
        {
            Recorder.Note(_time.GetElapsedTime(start).TotalSeconds, $"the run stopped early at {Units.Seconds(fatal.T)} because {fatal.Name} exited unasked; it was not drained, and every number is up to that point");
        }
        else
        {
            Recorder.SetPhase("draining", _time.GetElapsedTime(start).TotalSeconds);
            var drainStart = _time.GetElapsedTime(start).TotalSeconds;
            await DrainAsync(log, runStop.Token);
            drainSeconds = _time.GetElapsedTime(start).TotalSeconds - drainStart;
        }

        await samplingStop.CancelAsync();
        await sampling;
        await samplers.FinalAsync(cancellationToken);
        await MonitorLagFile.WriteAsync(monitor, _scenario.Fleet.Group, MonitorInterval, startedAt, _directory, Recorder, cancellationToken);
        Contracts.LedgerStats? ledger = null;
        try
        {
            ledger = await bank.StatsAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            Recorder.Note(_time.GetElapsedTime(start).TotalSeconds, $"the bank's final ledger stats could not be read: {ex.Message}");
        }

        Recorder.SetPhase("analysing", _time.GetElapsedTime(start).TotalSeconds);
        var samples = Recorder.Samples;
        // A monitor that exited unasked stopped evaluating: the harness judges alerts on its own samples instead.
        var monitorRan = monitor is not null && !exits.HasExited("monitor");
        var measurements = new RunMeasurements(startedAt, wall.TotalSeconds, drainSeconds, samples, Recorder.Rates, Recorder.Delays,
            actionRecords, monitorRan ? Recorder.MonitorAlerts : [], monitorRan, Recorder.Resources, log.Delivered, log.Failed, ledger,
            samplers.DoublyApplied, samplers.Foreign, Recorder.Notes, Recorder.UnexpectedExits)
        {
            FleetEvents = fleet?.Events.Events ?? [],
            Applied = Recorder.Applied.Snapshot(),
        };
        var forecast = ForecastAdapter.Compare(_scenario, _options.CalibrationFor(_scenario), samples);
        return RunAnalysis.Analyze(_scenario, measurements, forecast);
    }

    /// <summary>Waits until everything produced is applied and no lag is left, or the drain timeout.</summary>
    private async Task DrainAsync(ProducedLog log, CancellationToken cancellationToken)
    {
        var deadline = _time.GetTimestamp();
        while (_time.GetElapsedTime(deadline) < _options.DrainTimeout)
        {
            var rate = Recorder.Rates.LastOrDefault();
            var sample = Recorder.Samples.LastOrDefault();
            if (rate is not null && sample is not null && rate.Applied >= log.Delivered && sample.TotalLag == 0)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), _time, cancellationToken);
        }
    }

    private async Task<MonitorProcess?> StartMonitorAsync(LaglabLauncher launcher, string bootstrap, IReadOnlyDictionary<string, string> settings, string group, ExitWatch exits, CancellationToken cancellationToken)
    {
        var rules = Path.Combine(_work, "alert-rules.yml");
        await File.WriteAllTextAsync(rules, RuleFile.Render(_scenario.Alerts, _scenario.TimeScale), cancellationToken);
        try
        {
            return await MonitorProcess.StartAsync(launcher, bootstrap, settings, group, rules, MonitorInterval, _logs,
                exit => exits.Report("monitor", null, exit, "alerts are judged by the harness on its own lag samples from here on"), cancellationToken);
        }
        catch (ChildProcessException ex)
        {
            Recorder.Note(0, $"the monitor could not run, so alerts are judged by the harness: {FirstLine(ex.Message)}");
            return null;
        }
    }

    private async Task CreateTopicsAsync(ClusterSampler cluster, string topic, string resultsTopic, string deadLetterTopic, CancellationToken cancellationToken)
    {
        var configs = new Dictionary<string, string>();
        if (_scenario.Topic.Retention is { } retention)
        {
            configs["retention.ms"] = ((long)retention.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        TopicSpecification[] topics =
        [
            new() { Name = topic, NumPartitions = _scenario.Topic.Partitions, ReplicationFactor = -1, Configs = configs },
            new() { Name = resultsTopic, NumPartitions = _scenario.Topic.Partitions, ReplicationFactor = -1 },
            new() { Name = deadLetterTopic, NumPartitions = 1, ReplicationFactor = -1 },
        ];
        try
        {
            await cluster.Admin.CreateTopicsAsync(topics, new CreateTopicsOptions { RequestTimeout = TimeSpan.FromSeconds(15) });
        }
        catch (CreateTopicsException ex) when (ex.Results.All(r => !r.Error.IsError || r.Error.Code == ErrorCode.TopicAlreadyExists))
        {
            Recorder.Note(0, $"topic(s) {string.Join(", ", ex.Results.Where(r => r.Error.IsError).Select(r => r.Topic))} existed already and are used as they are");
        }
        catch (KafkaException ex)
        {
            throw new LoadTestException($"cannot create topic {topic} on {_scenario.Cluster.BootstrapServers ?? "the embedded broker"}: {ex.Error.Reason}", ex);
        }
        // Metadata may lag the creation by a moment.
        var deadline = _time.GetTimestamp();
        while (true)
        {
            try
            {
                var partitions = await cluster.PartitionCountAsync(cancellationToken);
                if (partitions < _scenario.Topic.Partitions)
                {
                    Recorder.Note(0, $"topic {topic} has {partitions} partitions, fewer than the scenario's {_scenario.Topic.Partitions}");
                }
                return;
            }
            catch (KafkaException) when (_time.GetElapsedTime(deadline) < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), _time, cancellationToken);
            }
        }
    }

    /// <summary>A local fleet must be Stable with every instance in it; an external one must have at least one member.</summary>
    private async Task WaitForGroupAsync(ClusterSampler cluster, CancellationToken cancellationToken)
    {
        var wanted = _scenario.Fleet.Kind == FleetKind.Local ? _scenario.Fleet.Instances : 1;
        var started = _time.GetTimestamp();
        GroupSnapshot? last = null;
        while (_time.GetElapsedTime(started) < JoinTimeout)
        {
            try
            {
                last = await cluster.SampleAsync(cancellationToken);
                if (last.State == "Stable" && last.Members >= wanted)
                {
                    return;
                }
            }
            catch (KafkaException)
            {
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), _time, cancellationToken);
        }
        var seen = last is null ? "no answer" : $"{last.State} with {last.Members} members";
        if (_scenario.Fleet.Kind == FleetKind.External)
        {
            Recorder.Note(0, $"the external fleet's group {_scenario.Fleet.Group} had no member after {JoinTimeout.TotalSeconds:0}s ({seen}); running anyway");
            return;
        }
        throw new LoadTestException($"the consumer group {_scenario.Fleet.Group} did not become Stable with {wanted} members within {JoinTimeout.TotalSeconds:0}s (last seen: {seen}); see {_logs}");
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private static void TryDelete(string directory)
    {
        try
        {
            if (System.IO.Directory.Exists(directory))
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leftovers in OUT/work are harmless.
        }
    }
}
