using System.Diagnostics;

namespace LagLab.Bench.Monitor;

/// <summary>
/// The embedded broker in a child process (this same program with --serve-broker), so the monitor's
/// memory and CPU figures are the monitor's alone.
/// </summary>
internal sealed class BrokerProcess : IDisposable
{
    private readonly Process _process;

    private BrokerProcess(Process process, int port)
    {
        _process = process;
        BootstrapServers = $"127.0.0.1:{port}";
    }

    public string BootstrapServers { get; }

    public static BrokerProcess Start()
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            info.ArgumentList.Add(typeof(BrokerProcess).Assembly.Location);
        }
        info.ArgumentList.Add("--serve-broker");
        var process = Process.Start(info)!;
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("broker process exited");
        return new BrokerProcess(process, int.Parse(line, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The child side: starts the broker, prints its port, runs until stdin closes.</summary>
    public static async Task<int> ServeAsync()
    {
        await using var broker = await LagLab.Broker.KafkaBroker.StartAsync(new LagLab.Broker.BrokerOptions { Port = 0, DataDirectory = null, MaxRequestSize = 100 * 1024 * 1024 });
        Console.Out.WriteLine(broker.Port);
        Console.Out.Flush();
        await Console.In.ReadToEndAsync();
        return 0;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
