using System.Globalization;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Safety;

/// <summary>
/// Issue 10, items 1 and 9 (broker part), through the real <c>laglab broker</c> process: a place the broker
/// cannot start in is exit code 2 and one line naming the problem, never a stack trace, and never a second
/// broker silently sharing a port or a data directory.
/// </summary>
public sealed class BrokerCommandStartErrorTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static async Task AssertStartErrorAsync(string[] arguments, string expected)
    {
        var result = await LaglabProcess.RunAsync(["broker", .. arguments], TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\nstdout: {result.StandardOutput}\nstderr: {result.StandardError}");
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("laglab broker: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("ready", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broker_PortAlreadyListenedOn_ExitsTwoNamingThePort()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        await using var first = LaglabProcess.Start("broker", "--in-memory", "--port", port);
        await first.WaitForLineAsync("ready", TimeSpan.FromSeconds(60));

        await AssertStartErrorAsync(["--in-memory", "--port", port], $"port {port} on 127.0.0.1 is already in use");
    }

    [Fact]
    public async Task Broker_DataDirectoryOfARunningBroker_ExitsTwoNamingTheLock()
    {
        await using var first = LaglabProcess.Start("broker", "--data-dir", _directory.Path, "--port", "0");
        await first.WaitForLineAsync("ready", TimeSpan.FromSeconds(60));

        await AssertStartErrorAsync(["--data-dir", _directory.Path, "--port", "0"], "is in use by another broker");
    }

    [Fact]
    public async Task Broker_HostNotAnAddress_ExitsTwoNamingHost() =>
        await AssertStartErrorAsync(["--in-memory", "--port", "0", "--host", "999.1.1.1"], "--host must be an IP address");

    [Fact]
    public async Task Broker_DataDirectoryIsAFile_ExitsTwoNamingIt()
    {
        var file = Path.Combine(_directory.Path, "not-a-directory");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);

        await AssertStartErrorAsync(["--data-dir", file, "--port", "0"], $"--data-dir {file} is a file");
    }

    [Fact]
    public async Task Broker_DataDirectoryNotWritable_ExitsTwoNamingIt() =>
        // /proc refuses new entries even to root, so this holds however the tests run.
        await AssertStartErrorAsync(["--data-dir", "/proc/laglab-data", "--port", "0"], "--data-dir /proc/laglab-data is not a writable directory");

    [Fact]
    public async Task Broker_TopicsJsonMissing_ExitsTwoNamingTheFile()
    {
        await StoredLog.CreateAsync(_directory.Path, partitions: 1, records: 3);
        File.Delete(Path.Combine(_directory.Path, "topics.json"));

        await AssertStartErrorAsync(["--data-dir", _directory.Path, "--port", "0"], Path.Combine(_directory.Path, "topics.json") + " is missing");
    }
}
