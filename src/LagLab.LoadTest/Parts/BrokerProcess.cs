using LagLab.LoadTest.Processes;

namespace LagLab.LoadTest.Parts;

/// <summary>
/// The embedded broker as its own process (<c>laglab broker</c>), so the timeline can freeze it (SIGSTOP) and
/// restart it on the same port and data directory, as an operator would.
/// </summary>
internal sealed class BrokerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly LaglabLauncher _launcher;
    private readonly string _dataDirectory;
    private readonly string _logFile;
    private readonly Action<ChildExit>? _onUnexpectedExit;
    private ChildProcess? _process;

    private BrokerProcess(LaglabLauncher launcher, int port, string dataDirectory, string logFile, Action<ChildExit>? onUnexpectedExit)
    {
        _launcher = launcher;
        Port = port;
        _dataDirectory = dataDirectory;
        _logFile = logFile;
        _onUnexpectedExit = onUnexpectedExit;
    }

    public int Port { get; }

    public string BootstrapServers => $"127.0.0.1:{Port}";

    public int? ProcessId => _process?.Id;

    /// <param name="onUnexpectedExit">Called if the broker exits without the harness asking (a restart_broker stop is asked for).</param>
    public static async Task<BrokerProcess> StartAsync(
        LaglabLauncher launcher, string workDirectory, string logDirectory, Action<ChildExit>? onUnexpectedExit, CancellationToken cancellationToken)
    {
        var broker = new BrokerProcess(launcher, FreePort.Next(), Path.Combine(workDirectory, "broker"), Path.Combine(logDirectory, "broker.log"), onUnexpectedExit);
        await broker.LaunchAsync(cancellationToken);
        return broker;
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        string[] args =
        [
            "broker", "--host", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--data-dir", _dataDirectory,
            // fsync per message would measure the disk, not lag; a clean stop still flushes everything.
            "--flush-messages", "0",
        ];
        _process = ChildProcess.Start(_launcher, "broker", args, _logFile,
            _onUnexpectedExit is null ? null : (_, exit) => _onUnexpectedExit(exit));
        await _process.WaitForLineAsync("laglab broker ready", ReadyTimeout, cancellationToken);
    }

    /// <summary>SIGSTOP for <paramref name="length"/>, then SIGCONT: clients see a broker that stops answering.</summary>
    public async Task FreezeAsync(TimeSpan length, CancellationToken cancellationToken)
    {
        var process = _process ?? throw new InvalidOperationException("the broker is not running");
        process.Freeze();
        try
        {
            await Task.Delay(length, cancellationToken);
        }
        finally
        {
            process.Thaw();
        }
    }

    /// <summary>Clean stop, <paramref name="down"/> of nothing listening, then a start on the same port and data.</summary>
    public async Task RestartAsync(TimeSpan down, CancellationToken cancellationToken)
    {
        if (_process is { } old)
        {
            await old.TerminateAsync(TimeSpan.FromSeconds(20));
            await old.DisposeAsync();
            _process = null;
        }
        await Task.Delay(down, cancellationToken);
        await LaunchAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            await process.TerminateAsync(TimeSpan.FromSeconds(10));
            await process.DisposeAsync();
        }
    }
}
