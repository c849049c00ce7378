using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LagLab.Testing;

/// <summary>
/// A `laglab` command running as a real OS process (the built CLI, as users run it), for tests that kill
/// processes or need them separate: crash tests, pipeline fleets. Output lines are collected for assertions.
/// </summary>
public sealed partial class LaglabProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private LaglabProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>The built CLI: artifacts/cli/laglab.dll, built by the ./laglab launcher when missing or stale.</summary>
    public static string CliPath => LazyCliPath.Value;

    private static readonly Lazy<string> LazyCliPath = new(() =>
    {
        var root = RepositoryRoot.Find();
        var dll = Path.Combine(root, "artifacts", "cli", "laglab.dll");
        // The launcher rebuilds only when sources are newer than the last build.
        var build = ProcessRunner.RunAsync(Path.Combine(root, "laglab"), ["--version"], TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
        if (build.ExitCode != 0 || !File.Exists(dll))
        {
            throw new InvalidOperationException($"Building the laglab CLI failed: {build.StandardError}");
        }
        return dll;
    });

    /// <summary>
    /// Runs the built CLI to its exit, for commands that stop by themselves (a bad option, a one-shot command);
    /// bounded generously, since the first call may wait for the CLI build.
    /// </summary>
    public static Task<ProcessRunner.Result> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync("dotnet", [CliPath, .. arguments], TimeSpan.FromSeconds(60), cancellationToken: cancellationToken);

    public static LaglabProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start laglab.");
        return new LaglabProcess(process);
    }

    /// <summary>Waits for an output line containing <paramref name="text"/>; returns that line.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var match = _lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (match is not null)
            {
                return match;
            }
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"laglab exited ({_process.ExitCode}) before printing '{text}'. Output:\n{string.Join('\n', _lines)}");
            }
            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"laglab did not print '{text}' within {timeout}. Output:\n{string.Join('\n', _lines)}");
            }
        }
    }

    /// <summary>Waits for the command to end by itself and returns its exit code; kills it after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"laglab did not exit within {timeout}. Output:\n{string.Join('\n', _lines)}");
        }
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no chance to flush or clean up, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then waits for a clean exit; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            _ = SendSignal(_process.Id, SigTerm);
        }
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"laglab did not exit within {timeout} of SIGTERM.");
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
        _lineArrived.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        _lines.Enqueue(line);
        _lineArrived.Release();
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
