using LagLab.LoadTest.Parts;
using LagLab.LoadTest.Tests.Fixtures;
using LagLab.Testing;

namespace LagLab.LoadTest.Tests.Parts;

public sealed class ArgumentsTests
{
    private static string Value(List<string> args, string option) => args[args.IndexOf(option) + 1];

    [Fact]
    public void Pipeline_FixedLikeFleet_GetsStaticMembershipDurableSpoolAndItsLimits()
    {
        var scenario = SampleRuns.Scenario("""
            name: f
            producer: { rate: 10, duration: 60s }
            fleet: { instances: 2, assignor: cooperative-sticky, static_membership: true, processing: concurrent, concurrency: 16, buffer: durable, buffer_limit: 5000, rate_limit: 200, session_timeout: 30s }
            """);
        var settings = new FleetSettings(scenario.Fleet, "127.0.0.1:9092", new Dictionary<string, string> { ["security.protocol"] = "plaintext" },
            "events", "events-results", "events-dlq", new Uri("http://127.0.0.1:8080/"), "/w", "/l");

        var args = PipelineArguments.For(settings, 1, 9400);

        Assert.Equal("pipeline", args[0]);
        Assert.Equal("cooperative-sticky", Value(args, "--assignor"));
        Assert.Equal("async", Value(args, "--mode"));
        Assert.Equal("16", Value(args, "--concurrency"));
        Assert.Equal("200", Value(args, "--rate-limit"));
        Assert.Equal("durable", Value(args, "--buffer"));
        Assert.Equal("5000", Value(args, "--max-buffered"));
        Assert.Equal("pipeline-1", Value(args, "--instance-id"));
        Assert.Equal(Path.Combine("/w", "spool", "pipeline-1"), Value(args, "--spool-dir"));
        Assert.Equal("http://127.0.0.1:8080", Value(args, "--bank-url"));
        Assert.Equal("127.0.0.1:9400", Value(args, "--metrics-listen"));
        Assert.Contains("session.timeout.ms=30000", args);
        Assert.Contains("security.protocol=plaintext", args);
    }

    [Fact]
    public void Pipeline_IncidentLikeFleet_IsBlockingWithoutInstanceIdOrClientLimit()
    {
        var scenario = SampleRuns.Scenario(SampleRuns.IncidentLike);
        var settings = new FleetSettings(scenario.Fleet, "b:1", new Dictionary<string, string>(), "t", "t-results", "t-dlq", new Uri("http://b/"), "/w", "/l");

        var args = PipelineArguments.For(settings, 0, 1);

        Assert.Equal("blocking", Value(args, "--mode"));
        Assert.Equal("range", Value(args, "--assignor"));
        Assert.Equal("memory", Value(args, "--buffer"));
        Assert.Equal("1000000", Value(args, "--rate-limit"));
        Assert.DoesNotContain("--instance-id", args);
        Assert.DoesNotContain("--spool-dir", args);
    }

    [Fact]
    public void Bank_Histogram_IsWrittenToAFileTheBankReads()
    {
        using var directory = new TemporaryDirectory();
        var scenario = SampleRuns.Scenario("""
            name: h
            producer: { rate: 10, duration: 60s }
            bank:
              rate_limit: 150
              burst: 20
              error_rate: 0.01
              latency: { histogram: [ { latency: 20ms, weight: 3 }, { latency: 5ms, weight: 1 } ] }
            """);

        var args = BankProcess.Arguments(scenario.Bank, "127.0.0.1:1234", directory.Path, 7);

        Assert.Equal("150", Value(args, "--rate-limit"));
        Assert.Equal("20", Value(args, "--burst"));
        Assert.Equal("0.01", Value(args, "--error-rate"));
        Assert.DoesNotContain("--latency-p50", args);
        Assert.Equal(["5ms 1", "20ms 3"], File.ReadAllLines(Value(args, "--latency-histogram")));
    }
}
