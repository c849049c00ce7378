using System.Globalization;
using LagLab.Testing;

namespace LagLab.Pipeline.Reliability.Tests;

/// <summary>
/// Pipeline instances as real `laglab pipeline` processes with static membership (one instance id each), so tests can
/// SIGKILL, restart and roll them exactly as an orchestrator would. All output is kept per instance for failure reports.
/// </summary>
internal sealed class PipelineFleet : IAsyncDisposable
{
    private readonly Func<string, string[]> _arguments;
    private readonly Dictionary<string, LaglabProcess> _running = [];
    private readonly List<(string Instance, LaglabProcess Process)> _all = [];

    public PipelineFleet(Func<string, string[]> arguments) => _arguments = arguments;

    public IReadOnlyCollection<string> Instances => _running.Keys;

    /// <summary>Starts an instance and waits until it owns partitions (or just until it polls when <paramref name="waitForPartitions"/> is false).</summary>
    public async Task StartAsync(string instance, bool waitForPartitions = true)
    {
        var process = LaglabProcess.Start(_arguments(instance));
        _running[instance] = process;
        _all.Add((instance, process));
        await process.WaitForLineAsync("laglab pipeline ready", TimeSpan.FromSeconds(60));
        if (waitForPartitions)
        {
            await WaitOwningAsync(instance, TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>SIGKILL: no drain, no commit, the spool (if any) left as it is.</summary>
    public async Task KillAsync(string instance)
    {
        await _running[instance].KillAsync();
        _running.Remove(instance);
    }

    /// <summary>SIGTERM and wait for a clean exit (drain, commit, close).</summary>
    public async Task StopAsync(string instance)
    {
        var code = await _running[instance].TerminateAsync(TimeSpan.FromSeconds(30));
        _running.Remove(instance);
        Assert.True(code == 0, $"{instance} exited with {code} after SIGTERM.\n{Output(instance)}");
    }

    /// <summary>A rolling deploy: each instance in turn is stopped, started again and back to owning partitions.</summary>
    public async Task RollingRestartAsync(TimeSpan pauseBetween)
    {
        foreach (var instance in _running.Keys.Order().ToList())
        {
            await StopAsync(instance);
            await StartAsync(instance);
            await Task.Delay(pauseBetween);
        }
    }

    /// <summary>Every process's output, prefixed with its instance, for assertion messages.</summary>
    public string Output(string? only = null) => string.Join('\n', _all
        .Where(p => only is null || p.Instance == only)
        .SelectMany(p => p.Process.Lines.Select(l => $"[{p.Instance}] {l}")));

    /// <summary>Counts lines of every process that contain <paramref name="text"/>.</summary>
    public int CountLines(string text) => _all.Sum(p => p.Process.Lines.Count(l => l.Contains(text, StringComparison.Ordinal)));

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, process) in _all)
        {
            await process.DisposeAsync();
        }
    }

    private async Task WaitOwningAsync(string instance, TimeSpan timeout)
    {
        var process = _running[instance];
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var last = process.Lines.LastOrDefault(l => l.StartsWith("laglab pipeline ownership:", StringComparison.Ordinal));
            if (last is not null && !last.Contains("owned= ", StringComparison.Ordinal))
            {
                return;
            }
            if (process.HasExited)
            {
                break;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"{instance} owned no partition within {timeout}.\n{Output(instance)}"));
    }
}
