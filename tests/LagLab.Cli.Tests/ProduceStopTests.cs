using System.Diagnostics;
using LagLab.Testing;

namespace LagLab.Cli.Tests;

/// <summary>
/// Regression: <c>laglab produce</c> against a broker that is down ignored SIGTERM for about 30 s (its final flush waited
/// the whole time for acknowledgements that could not come). A stop now waits at most 2 s, then reports the unsent.
/// </summary>
public sealed class ProduceStopTests
{
    [Fact]
    public async Task Produce_BrokerDown_StopsPromptlyOnSigterm()
    {
        var closedPort = FreePort.Next();
        await using var produce = LaglabProcess.Start("produce", "--bootstrap-servers", $"127.0.0.1:{closedPort}", "--topic", "t", "--rate", "200", "--count", "1000000");
        // The first progress line (after 5 s): events are queued and none can be acknowledged.
        await produce.WaitForLineAsync("(0 acknowledged)", TimeSpan.FromSeconds(60));

        var stopping = Stopwatch.StartNew();
        var exitCode = await produce.TerminateAsync(TimeSpan.FromSeconds(60));
        stopping.Stop();

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"took {stopping.Elapsed.TotalSeconds:F1} s to stop");
        Assert.Equal(1, exitCode); // events were not acknowledged: counted as failed
        Assert.Contains(produce.Lines, l => l.StartsWith("laglab produce: sent 0 events", StringComparison.Ordinal));
    }
}
