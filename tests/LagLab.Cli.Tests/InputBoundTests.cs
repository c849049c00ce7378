using System.Text;
using LagLab.Testing;

namespace LagLab.Cli.Tests;

/// <summary>
/// Regression: inputs had no size bound (<c>forecast /dev/zero</c> read until out of memory) and a scenario of many unknown
/// keys listed every error (193,414 lines, 648 MB). Files are bounded at 1 MiB and errors listed up to 50, then counted.
/// </summary>
public sealed class InputBoundTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forecast_EndlessFile_RefusedAtTheBound()
    {
        var result = await LaglabProcess.RunAsync(["forecast", "/dev/zero"], Ct);

        StartErrorTests.AssertNamedError(result, "/dev/zero: cannot read the file: the file is larger than 1 MiB");
    }

    [Fact]
    public async Task Produce_EndlessProfile_RefusedAtTheBound()
    {
        var result = await LaglabProcess.RunAsync(["produce", "--bootstrap-servers", "127.0.0.1:1", "--topic", "t", "--profile", "/dev/zero"], Ct);

        StartErrorTests.AssertNamedError(result, "--profile '/dev/zero': cannot read the file: the file is larger than 1 MiB");
    }

    [Fact]
    public async Task Forecast_ThousandsOfUnknownKeys_ListsFiftyThenCounts()
    {
        using var directory = new TemporaryDirectory();
        var file = Path.Combine(directory.Path, "noisy.yaml");
        var yaml = new StringBuilder("producer:\n  rate: 100\n  duration: 1m\n");
        for (var i = 0; i < 5000; i++)
        {
            yaml.Append("unknown_").Append(i).Append(": 1\n");
        }
        await File.WriteAllTextAsync(file, yaml.ToString(), Ct);

        var result = await LaglabProcess.RunAsync(["forecast", file], Ct);

        Assert.Equal(2, result.ExitCode);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(50, lines.Count(l => l.Contains("unknown field", StringComparison.Ordinal)));
        Assert.Contains("5000 errors in", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("... and 4950 more", result.StandardError, StringComparison.Ordinal);
        Assert.True(lines.Length < 60, $"{lines.Length} lines on stderr");
    }
}
