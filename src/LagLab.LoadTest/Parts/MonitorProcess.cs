using System.Globalization;
using System.Text.Json;
using LagLab.LoadTest.Processes;

namespace LagLab.LoadTest.Parts;

/// <summary>The lag monitor as its own process (<c>laglab monitor</c>) with the run's rule file; its alerts are read from <c>/api/alerts</c>.</summary>
internal sealed class MonitorProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private MonitorProcess(ChildProcess process, HttpClient http, Uri baseAddress)
    {
        _process = process;
        _http = http;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<MonitorProcess> StartAsync(
        LaglabLauncher launcher, string bootstrapServers, IReadOnlyDictionary<string, string> kafkaSettings, string group, string rulesFile,
        TimeSpan interval, string logDirectory, Action<ChildExit>? onUnexpectedExit, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var args = new List<string>
        {
            "monitor", "--bootstrap-servers", bootstrapServers,
            "--listen", $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--interval", CliArgs.PromDuration(interval),
            "--rules", rulesFile,
            "--groups", "^" + System.Text.RegularExpressions.Regex.Escape(group) + "$",
        };
        foreach (var (key, value) in kafkaSettings)
        {
            args.AddRange(["-X", $"{key}={value}"]);
        }
        var process = ChildProcess.Start(launcher, "monitor", args, Path.Combine(logDirectory, "monitor.log"),
            onUnexpectedExit is null ? null : (_, exit) => onUnexpectedExit(exit));
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        if (!await HttpReady.WaitAsync(http, new Uri(baseAddress, "healthz"), ReadyTimeout, () => process.HasExited, cancellationToken))
        {
            http.Dispose();
            var tail = process.Tail;
            await process.DisposeAsync();
            throw new ChildProcessException($"the monitor did not serve {baseAddress}healthz within {ReadyTimeout.TotalSeconds:0}s. Its output:{Environment.NewLine}{tail}");
        }
        return new MonitorProcess(process, http, baseAddress);
    }

    /// <summary>The monitor's alerts now (pending, firing and recently resolved).</summary>
    public async Task<IReadOnlyList<MonitorAlert>> AlertsAsync(CancellationToken cancellationToken)
    {
        await using var stream = await _http.GetStreamAsync("api/alerts", cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return MonitorAlert.ParseList(document.RootElement);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.TerminateAsync(TimeSpan.FromSeconds(10));
        await _process.DisposeAsync();
    }
}
