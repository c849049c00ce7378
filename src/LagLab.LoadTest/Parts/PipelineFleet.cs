using LagLab.LoadTest.Processes;

namespace LagLab.LoadTest.Parts;

/// <summary>
/// A local fleet: <c>laglab pipeline</c> processes started, restarted, killed and scaled by the timeline, as an
/// orchestrator would. Restarts wait for the new process to serve its metrics (readiness) before the next one.
/// An instance that exits without the timeline asking is reported to the run's <see cref="ExitWatch"/> and, with
/// <c>restart_policy: on-failure</c>, started again after a back-off (<see cref="CrashRestarter"/>).
/// </summary>
internal sealed class PipelineFleet : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private readonly FleetSettings _settings;
    private readonly LaglabLauncher _launcher;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly List<PipelineSlot> _slots = [];
    private readonly Lock _lock = new();
    private readonly ExitWatch _exits;
    private readonly TimeProvider _time;
    private readonly CrashRestarter _restarter;

    public PipelineFleet(LaglabLauncher launcher, FleetSettings settings, ExitWatch exits, TimeProvider time, FleetEventLog events)
    {
        _launcher = launcher;
        _settings = settings;
        _exits = exits;
        _time = time;
        Events = events;
        _restarter = new CrashRestarter(settings.Fleet, time,
            (instance, ex) => exits.Note($"restarting {PipelineArguments.InstanceName(instance)} after its crash failed: {ex.Message}"));
    }

    /// <summary>Stops, exits, starts and the instances' own ready and ownership lines, for measuring restarts.</summary>
    public FleetEventLog Events { get; }

    /// <summary>Instances meant to run now.</summary>
    public int Target { get; private set; }

    public IReadOnlyList<PipelineSlot> Slots
    {
        get
        {
            lock (_lock)
            {
                return [.. _slots];
            }
        }
    }

    /// <summary>Name and process id of every running instance (for CPU and memory sampling).</summary>
    public IReadOnlyList<(string Name, int Pid)> Running =>
        [.. Slots.Where(s => s.IsRunning).Select(s => (s.Name, s.Process!.Id))];

    public async Task StartAsync(int count, CancellationToken cancellationToken)
    {
        Target = count;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => StartSlotAsync(Slot(i), cancellationToken)));
    }

    /// <summary>
    /// Every running instance in turn: SIGTERM, wait for the exit, <paramref name="replacement"/> (the orchestrator's
    /// time to put a new process in its place), start, wait until ready.
    /// </summary>
    public async Task RollingDeployAsync(TimeSpan replacement, CancellationToken cancellationToken)
    {
        foreach (var slot in Slots.Where(s => s.Index < Target))
        {
            await RestartSlotAsync(slot, replacement, kill: false, cancellationToken);
        }
    }

    /// <summary>SIGKILL instance <paramref name="index"/>; it is started again after <paramref name="restartAfter"/> when given.</summary>
    public async Task KillAsync(int index, TimeSpan? restartAfter, CancellationToken cancellationToken)
    {
        if (index >= Target)
        {
            throw new InvalidOperationException($"no instance {index}: {Target} run");
        }
        var slot = Slot(index);
        if (restartAfter is not { } after)
        {
            await slot.Gate.WaitAsync(cancellationToken);
            try
            {
                await StopProcessAsync(slot, kill: true, Events);
            }
            finally
            {
                slot.Gate.Release();
            }
            return;
        }
        await RestartSlotAsync(slot, after, kill: true, cancellationToken);
    }

    /// <summary>Starts or stops (SIGTERM, highest index first) instances so that <paramref name="count"/> run.</summary>
    public async Task ScaleAsync(int count, CancellationToken cancellationToken)
    {
        var previous = Target;
        Target = count;
        if (count > previous)
        {
            await Task.WhenAll(Enumerable.Range(previous, count - previous).Select(i => StartSlotAsync(Slot(i), cancellationToken)));
            return;
        }
        await Task.WhenAll(Slots.Where(s => s.Index >= count).Select(async slot =>
        {
            await slot.Gate.WaitAsync(cancellationToken);
            try
            {
                await StopProcessAsync(slot, kill: false, Events);
            }
            finally
            {
                slot.Gate.Release();
            }
        }));
    }

    /// <summary>SIGTERM to every instance at once, as at the end of a run.</summary>
    public async Task StopAllAsync()
    {
        Target = 0;
        await _restarter.StopAsync();
        await Task.WhenAll(Slots.Select(slot => StopProcessAsync(slot, kill: false, Events)));
    }

    private async Task RestartSlotAsync(PipelineSlot slot, TimeSpan away, bool kill, CancellationToken cancellationToken)
    {
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            await StopProcessAsync(slot, kill, Events);
            await Task.Delay(away, cancellationToken);
            if (slot.Index < Target)
            {
                await LaunchAsync(slot, cancellationToken);
            }
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async Task StartSlotAsync(PipelineSlot slot, CancellationToken cancellationToken)
    {
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            if (!slot.IsRunning)
            {
                await LaunchAsync(slot, cancellationToken);
            }
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private async Task LaunchAsync(PipelineSlot slot, CancellationToken cancellationToken)
    {
        if (slot.Process is { } old)
        {
            await old.DisposeAsync();
        }
        var args = PipelineArguments.For(_settings, slot.Index, slot.MetricsPort);
        var name = slot.Name;
        var launchedAt = _time.GetTimestamp();
        slot.Process = ChildProcess.Start(_launcher, name, args, Path.Combine(_settings.LogDirectory, name + ".log"),
            (crashed, exit) => OnUnexpectedExit(slot, crashed, exit, _time.GetElapsedTime(launchedAt)),
            line => Events.OnLine(name, line));
        Events.Record(name, FleetEventKind.Started);
        slot.Starts++;
        var process = slot.Process;
        var metrics = new Uri($"http://127.0.0.1:{slot.MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}/metrics");
        if (!await HttpReady.WaitAsync(_http, metrics, ReadyTimeout, () => process.HasExited, cancellationToken))
        {
            throw new ChildProcessException(process.HasExited
                ? $"{slot.Name} exited with code {process.ExitCode} at start. Its output:{Environment.NewLine}{process.Tail}"
                : $"{slot.Name} did not serve {metrics} within {ReadyTimeout.TotalSeconds:0}s. Its output:{Environment.NewLine}{process.Tail}");
        }
    }

    /// <summary>An instance exited unasked: recorded, then restarted or left down as the restart policy says.</summary>
    private void OnUnexpectedExit(PipelineSlot slot, ChildProcess crashed, ChildExit exit, TimeSpan ranFor)
    {
        var then = _restarter.OnCrash(slot.Index, ranFor, cancellationToken => RelaunchCrashedAsync(slot, crashed, cancellationToken));
        _exits.Report("pipeline", slot.Index, exit, then);
    }

    /// <summary>Starts the slot again unless the timeline has meanwhile restarted it (a deploy) or scaled it away.</summary>
    private async Task RelaunchCrashedAsync(PipelineSlot slot, ChildProcess crashed, CancellationToken cancellationToken)
    {
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            if (ReferenceEquals(slot.Process, crashed) && slot.Index < Target)
            {
                await LaunchAsync(slot, cancellationToken);
            }
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private static async Task StopProcessAsync(PipelineSlot slot, bool kill, FleetEventLog events)
    {
        if (slot.Process is not { } process || process.HasExited)
        {
            return;
        }
        events.Record(slot.Name, FleetEventKind.StopRequested);
        if (kill)
        {
            await process.KillAsync();
        }
        else
        {
            await process.TerminateAsync(StopGrace);
        }
        events.Record(slot.Name, FleetEventKind.Exited);
    }

    private PipelineSlot Slot(int index)
    {
        lock (_lock)
        {
            while (_slots.Count <= index)
            {
                _slots.Add(new PipelineSlot(_slots.Count, FreePort.Next()));
            }
            return _slots[index];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _restarter.DisposeAsync();
        foreach (var slot in Slots)
        {
            if (slot.Process is { } process)
            {
                await process.DisposeAsync();
            }
            slot.Gate.Dispose();
        }
        _http.Dispose();
    }
}
