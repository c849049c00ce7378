using System.Collections.Concurrent;
using System.Diagnostics;

namespace LagLab.LoadTest.Processes;

/// <summary>
/// One child process of the harness: its output goes to a log file (and the last lines stay in memory for
/// error messages); it can be waited on for a ready line, terminated, killed, stopped and continued. An exit the
/// harness did not ask for (through <see cref="TerminateAsync"/>, <see cref="KillAsync"/> or dispose) is reported
/// to the owner's callback with its code, signal and last lines: a crash must never pass unseen.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly ConcurrentQueue<string> _tail = new();
    private readonly SemaphoreSlim _lineArrived = new(0);
    private readonly Lock _logLock = new();
    private readonly Task _exitWatch;
    private readonly Action<string>? _onLine;
    private volatile bool _stopRequested;

    private ChildProcess(string name, Process process, StreamWriter log, Action<ChildProcess, ChildExit>? onUnexpectedExit, Action<string>? onLine)
    {
        Name = name;
        _process = process;
        _log = log;
        _onLine = onLine;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _exitWatch = WatchExitAsync(onUnexpectedExit);
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public string Tail => string.Join(Environment.NewLine, _tail);

    /// <summary>The harness asked this process to stop (or it is being disposed): its exit is expected, whatever its code.</summary>
    public bool StopRequested => _stopRequested;

    /// <summary>
    /// Starts <c>laglab SUBCOMMAND ARGS</c>; output is appended to <paramref name="logFile"/>, and each line is also given
    /// to <paramref name="onLine"/> as it arrives (on the reader's thread).
    /// <paramref name="onUnexpectedExit"/> is called once, after the last output line, if it exits unasked.
    /// </summary>
    public static ChildProcess Start(LaglabLauncher launcher, string name, IEnumerable<string> arguments, string logFile,
        Action<ChildProcess, ChildExit>? onUnexpectedExit = null, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo(launcher.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var prefix in launcher.PrefixArguments)
        {
            info.ArgumentList.Add(prefix);
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // Children log plainly: no colours in log files.
        info.Environment["NO_COLOR"] = "1";
        info.Environment["DOTNET_gcServer"] = "0";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        // -X values such as sasl.password reach the child through its argument list, never the log file.
        log.WriteLine($"# {launcher} {Contracts.KafkaSecretSettings.DescribeArguments(info.ArgumentList.Skip(launcher.PrefixArguments.Count))}");
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {name} ({launcher})");
        // If the harness is SIGKILLed it cannot stop its children: the log says which process to stop.
        log.WriteLine($"# pid {process.Id}");
        return new ChildProcess(name, process, log, onUnexpectedExit, onLine);
    }

    /// <summary>Waits for an output line containing <paramref name="text"/> and returns it.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        while (true)
        {
            var match = _tail.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (match is not null)
            {
                return match;
            }
            if (_process.HasExited)
            {
                // Output may still be in flight after exit.
                _process.WaitForExit();
                match = _tail.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                return match ?? throw new ChildProcessException($"{Name} exited with code {_process.ExitCode} before it was ready. Its output:{Environment.NewLine}{Tail}");
            }
            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ChildProcessException($"{Name} did not print '{text}' within {timeout.TotalSeconds:0}s. Its output:{Environment.NewLine}{Tail}");
            }
        }
    }

    /// <summary>SIGTERM, then SIGKILL when it has not exited within <paramref name="grace"/>. Returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan grace)
    {
        _stopRequested = true;
        if (!_process.HasExited)
        {
            Signals.Send(_process.Id, Signals.SigTerm);
            using var cts = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                Write($"# not exited {grace.TotalSeconds:0}s after SIGTERM: SIGKILL");
                await KillAsync();
            }
        }
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no chance to flush or clean up, as in a crash.</summary>
    public async Task KillAsync()
    {
        _stopRequested = true;
        if (!_process.HasExited)
        {
            Signals.Send(_process.Id, Signals.SigKill);
        }
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGSTOP: the process freezes (sockets stay open, nothing is answered).</summary>
    public void Freeze() => Signals.Send(_process.Id, Signals.SigStop);

    /// <summary>SIGCONT after <see cref="Freeze"/>.</summary>
    public void Thaw() => Signals.Send(_process.Id, Signals.SigCont);

    public async ValueTask DisposeAsync()
    {
        _stopRequested = true;
        if (!_process.HasExited)
        {
            Signals.Send(_process.Id, Signals.SigCont);
            await KillAsync();
        }
        _process.WaitForExit();
        await _exitWatch;
        _process.Dispose();
        lock (_logLock)
        {
            _log.Dispose();
        }
        _lineArrived.Dispose();
    }

    /// <summary>Waits for the exit and the end of its output; reports it unless the harness asked for it.</summary>
    private async Task WatchExitAsync(Action<ChildProcess, ChildExit>? onUnexpectedExit)
    {
        // Never inside the constructor, even when the process is already gone.
        await Task.Yield();
        await _process.WaitForExitAsync();
        if (_stopRequested || onUnexpectedExit is null)
        {
            return;
        }
        var code = _process.ExitCode;
        Write($"# exited unasked: {(ChildExit.SignalOf(code) is { } signal ? Signals.Name(signal) + ", " : "")}exit code {code}");
        onUnexpectedExit(this, new ChildExit(Name, code, ChildExit.SignalOf(code), [.. _tail.TakeLast(ChildExit.KeptLines)]));
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        Write(line);
        _onLine?.Invoke(line);
        _tail.Enqueue(line);
        while (_tail.Count > KeptLines && _tail.TryDequeue(out _))
        {
        }
        _lineArrived.Release();
    }

    private void Write(string line)
    {
        lock (_logLock)
        {
            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // Late output after dispose is dropped.
            }
        }
    }
}
