using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using LagLab.Testing;

namespace LagLab.Monitor.Tests.EndToEnd;

/// <summary>A real server process (Prometheus, Alertmanager) on a loopback port, killed on dispose; its output is kept for failure messages.</summary>
internal sealed class ExternalServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ExternalServer(Process process, Uri url, TemporaryDirectory directory)
    {
        _process = process;
        Url = url;
        Directory = directory;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Url { get; }

    public TemporaryDirectory Directory { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public string Output => string.Join('\n', _output.TakeLast(40));

    public static async Task<ExternalServer> StartAsync(string binary, string debianPackage, Func<string, int, IEnumerable<string>> arguments, Func<string, string>? config, string readyPath, CancellationToken cancellationToken)
    {
        RequiredTool.Require(binary, debianPackage);
        var directory = new TemporaryDirectory();
        var port = FreePort.Next();
        if (config is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(directory.Path, "config.yml"), config(directory.Path), cancellationToken);
        }
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory.Path };
        foreach (var argument in arguments(directory.Path, port))
        {
            info.ArgumentList.Add(argument);
        }
        var server = new ExternalServer(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}/"), directory);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                using var response = await server.Http.GetAsync(new Uri(server.Url, readyPath), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (server._process.HasExited || DateTime.UtcNow > deadline)
            {
                var output = server.Output;
                await server.DisposeAsync();
                throw new InvalidOperationException($"{binary} did not become ready: {output}");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        var text = await Http.GetStringAsync(new Uri(Url, path), cancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Http.Dispose();
        Directory.Dispose();
    }
}
