using System.Diagnostics;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Groups.Integration;

/// <summary>
/// A LagLab.GroupMember child process: one real Confluent.Kafka group consumer whose callbacks and records
/// arrive here as events. SIGKILL it to simulate a crashed member.
/// </summary>
public sealed class GroupMemberProcess : IAsyncDisposable
{
    private static readonly Lazy<string> HostPath = new(FindHost);

    private readonly Process _process;
    private readonly List<MemberEvent> _events = [];
    private readonly List<string> _errors = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private GroupMemberProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_lock)
                {
                    _errors.Add(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public static GroupMemberProcess Start(string bootstrap, string group, string topics, string assignor = "range", string? instanceId = null,
        string? clientId = null, int sessionTimeoutMs = 6_000, int heartbeatIntervalMs = 500, bool autoCommit = true, int autoCommitIntervalMs = 500)
    {
        var name = clientId ?? instanceId ?? "member";
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(HostPath.Value);
        void Arg(string option, string value)
        {
            info.ArgumentList.Add(option);
            info.ArgumentList.Add(value);
        }
        Arg("--bootstrap", bootstrap);
        Arg("--group", group);
        Arg("--topics", topics);
        Arg("--assignor", assignor);
        Arg("--client-id", name);
        Arg("--session-timeout", sessionTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Arg("--heartbeat-interval", heartbeatIntervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Arg("--auto-commit", autoCommit ? "true" : "false");
        Arg("--auto-commit-interval", autoCommitIntervalMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (instanceId is not null)
        {
            Arg("--instance-id", instanceId);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start LagLab.GroupMember.");
        return new GroupMemberProcess(process, name);
    }

    public IReadOnlyList<MemberEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return _events.ToArray();
            }
        }
    }

    /// <summary>The assignment after the latest assigned/revoked/lost callback.</summary>
    public IReadOnlySet<string> Assignment
    {
        get
        {
            var last = Events.LastOrDefault(e => e.Event is "assigned" or "revoked" or "lost");
            return last is null || last.Event == "lost" ? new HashSet<string>() : new HashSet<string>(last.Assignment ?? []);
        }
    }

    public IReadOnlyList<MemberEvent> Records => Events.Where(e => e.Event == "record").ToArray();

    /// <summary>Waits until an event (from index <paramref name="from"/> on) matches; fails with everything the member printed.</summary>
    public async Task<MemberEvent> WaitForAsync(Func<MemberEvent, bool> predicate, TimeSpan timeout, string what, int from = 0)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var match = Events.Skip(from).FirstOrDefault(predicate);
            if (match is not null)
            {
                return match;
            }
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited ({_process.ExitCode}) before {what}.\n{Transcript()}");
            }
            try
            {
                await _arrived.WaitAsync(TimeSpan.FromMilliseconds(100), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Name}: no {what} within {timeout}.\n{Transcript()}");
            }
        }
    }

    /// <summary>Waits until the member's assignment satisfies <paramref name="predicate"/>.</summary>
    public async Task WaitForAssignmentAsync(Func<IReadOnlySet<string>, bool> predicate, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!predicate(Assignment))
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name}: assignment never became {what} within {timeout} (now [{string.Join(", ", Assignment)}]).\n{Transcript()}");
            }
            await Task.Delay(50);
        }
    }

    public void Send(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
    }

    /// <summary>Leaves the group cleanly (LeaveGroup for dynamic members; static members leave silently).</summary>
    public async Task CloseAsync(TimeSpan timeout)
    {
        Send("close");
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    /// <summary>SIGKILL: the member vanishes without a LeaveGroup, as a crashed pod does.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }
        await _process.WaitForExitAsync();
    }

    public string Transcript()
    {
        lock (_lock)
        {
            return string.Join('\n', _events.Where(e => e.Event != "record").Select(e => $"  {e.T} {e.Event} [{string.Join(", ", e.Partitions)}] -> [{string.Join(", ", e.Assignment ?? [])}] {e.Detail}")
                .Append($"  ({_events.Count(e => e.Event == "record")} records)")
                .Concat(_errors.TakeLast(20).Select(e => "  stderr: " + e)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        _arrived.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null || MemberEvent.TryParse(line) is not { } parsed)
        {
            return;
        }
        lock (_lock)
        {
            _events.Add(parsed);
        }
        _arrived.Release();
    }

    /// <summary>The host built next to this test assembly's configuration (Debug or Release).</summary>
    private static string FindHost()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Find(), "tests", "LagLab.GroupMember", "bin", configuration, "net10.0", "LagLab.GroupMember.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"LagLab.GroupMember is not built at {path}; build the solution first.", path);
    }
}
