using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;
using LagLab.LoadTest.Tests.Fixtures;

namespace LagLab.LoadTest.Tests.Analysis;

public sealed class MechanismMeterTests
{
    private const string Blocking = """
        name: blocking
        topic: { partitions: 3 }
        producer: { rate: 150, duration: 120s }
        fleet: { instances: 2, assignor: range, processing: blocking, restart_time: 3s, rebalance_time: 10s }
        bank: { rate_limit: 200, latency: { p50: 10ms, p99: 10ms } }
        """;

    private const string Static = """
        name: static
        topic: { partitions: 4 }
        producer: { rate: 150, duration: 120s }
        fleet: { instances: 2, assignor: cooperative-sticky, static_membership: true, processing: concurrent, concurrency: 16, rate_limit: 200, restart_time: 3s }
        bank: { rate_limit: 200, latency: { p50: 10ms, p99: 10ms } }
        """;

    /// <summary>
    /// 120 s sampled every 0.5 s, every partition backlogged (1,000 each) and the group Stable with 2 members except
    /// during the given deploy; the bank applies <paramref name="applied"/>/s, and re-sends <paramref name="replayed"/>
    /// events in the 10 s after the deploy started (at 40/s, so calls stay at applied + 40 there).
    /// </summary>
    private static (List<LagSample> Samples, List<RateSample> Rates) Run(int partitions, double applied, double deployAt, double replayed)
    {
        var samples = new List<LagSample>();
        var rates = new List<RateSample>();
        for (var i = 0; i <= 240; i++)
        {
            var t = i / 2.0;
            var lag = Enumerable.Repeat(1000L, partitions).ToArray();
            samples.Add(new LagSample(t, lag, new long[partitions], lag, new double[partitions], "Stable", 2));
            var resent = Math.Clamp((t - deployAt) * 40, 0, replayed);
            rates.Add(new RateSample(t, (long)(150 * t), (long)Math.Round(applied * t), (long)Math.Round(resent), 0, 0, 0, 0, 0));
        }
        return (samples, rates);
    }

    [Fact]
    public void Measure_BlockingFleet_PerCallTimeIsBusyInstancesOverCallRate()
    {
        // 2 busy blocking instances doing 80 calls/s together: 25 ms per call, 15 ms over the bank's 10 ms.
        var scenario = SampleRuns.Scenario(Blocking);
        var (samples, rates) = Run(3, 80, 1000, 0);

        var m = MechanismMeter.Measure(scenario, samples, rates, [], [], []);

        Assert.Equal(80, m.CallsPerSecond!.Value, 6);
        Assert.Equal(120, m.BackloggedSeconds, 6);
        Assert.Equal(0.025, m.PerCallSeconds!.Value, 9);
        Assert.Equal(0.015, m.CallOverheadSeconds!.Value, 9);
        Assert.Null(m.EffectiveBudget);
        Assert.Equal(15, MechanismMeter.Apply(scenario, m).Fleet.CallOverhead.TotalMilliseconds, 3);
    }

    [Fact]
    public void Measure_EagerDeploy_RebalanceIsGroupTimeOverTwoPerInstance_RestartIsTheRest()
    {
        // A 24 s deploy of 2 dynamic instances with 8 s out of Stable: 2 s per rebalance (4 of them), and each
        // instance took 12 s, 2 s of it its rejoin's rebalance: 10 s away. Actions and rebalances are not
        // backlogged time (nor the intervals touching them): 95 s is.
        var scenario = SampleRuns.Scenario(Blocking);
        var (samples, rates) = Run(3, 80, 1000, 0);
        RebalanceRecord[] rebalances = [new(30.2, 3, 2, 1), new(41, 1, 1, 1), new(50, 4, 1, 2)];

        var m = MechanismMeter.Measure(scenario, samples, rates, [new ActionRecord(30, 54, "rolling_deploy", "", null)], rebalances, []);

        Assert.Equal(2, m.RebalanceSeconds!.Value, 9);
        Assert.Equal(10, m.RestartSeconds!.Value, 9);
        Assert.Equal(95, m.BackloggedSeconds, 6);
        var applied = MechanismMeter.Apply(scenario, m);
        Assert.Equal(TimeSpan.FromSeconds(10), applied.Fleet.RestartTime);
        Assert.Equal(TimeSpan.FromSeconds(2), applied.Fleet.RebalanceTime);
    }

    [Fact]
    public void Measure_StaticDeploy_RestartIsDeployLengthPerInstance_ReplayIsResentPerInstance()
    {
        // Two static instances restarted in 22 s: 11 s each; 600 events re-sent after it: 300 per instance.
        var scenario = SampleRuns.Scenario(Static);
        var (samples, rates) = Run(4, 150, 40, 600);

        var m = MechanismMeter.Measure(scenario, samples, rates, [new ActionRecord(40, 62, "rolling_deploy", "", null)], [], []);

        Assert.Equal(11, m.RestartSeconds!.Value, 9);
        Assert.Null(m.RebalanceSeconds);
        Assert.Equal([300.0], m.DeployReplays);
    }

    [Fact]
    public void Measure_ConcurrentFleetBelowItsModelledCapacity_IsGivenThatRateAsItsBudget()
    {
        // The model says the budget (200/s) limits; the fleet did 150 calls/s backlogged: that is its effective budget.
        var scenario = SampleRuns.Scenario(Static);
        var (samples, rates) = Run(4, 150, 1000, 0);

        var m = MechanismMeter.Measure(scenario, samples, rates, [], [], []);

        Assert.Equal(150, m.EffectiveBudget!.Value, 6);
        Assert.Null(m.PerCallSeconds);
        Assert.Equal(150, MechanismMeter.Apply(scenario, m).Fleet.RateLimit!.Value, 6);
    }

    [Fact]
    public void Measure_NeverBacklogged_MeasuresNoThroughputAndKeepsTheScenariosInputs()
    {
        var scenario = SampleRuns.Scenario(Blocking);
        var (samples, rates) = Run(3, 80, 1000, 0);
        var light = samples.Select(s => s with { Lag = [10, 10, 10] }).ToList();

        var m = MechanismMeter.Measure(scenario, light, rates, [], [], []);

        Assert.Null(m.CallsPerSecond);
        Assert.Equal(0, m.BackloggedSeconds);
        Assert.Equal(scenario, MechanismMeter.Apply(scenario, m));
    }
}
