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

    /// <summary>A restart during a deploy: stop 0.5 s, replacement 2 s, startup 1 s from <paramref name="t0"/>, then join and first record.</summary>
    private static InstanceRestart Restart(string instance, double t0, double back, params RebalanceSpan[] rebalances) =>
        new(instance, "rolling_deploy", t0,
            [new(RestartPhase.Stop, t0, t0 + 0.5), new(RestartPhase.Replacement, t0 + 0.5, t0 + 2.5), new(RestartPhase.Startup, t0 + 2.5, t0 + 3.5)],
            [new RestartPartition(0, t0 - 0.1, back, back - t0)], [0], back, rebalances, 0);

    [Fact]
    public void Measure_EagerDeploy_RestartIsStopToReadyAndRebalanceIsFromOwnershipLines()
    {
        // Dynamic members: each instance is away from its stop until its new process asks to join (3.5 s), whatever the
        // deploy's length (24 s here); the rebalances are the spans the ownership lines showed, each counted once.
        var scenario = SampleRuns.Scenario(Blocking);
        var (samples, rates) = Run(3, 80, 1000, 0);
        RebalanceSpan first = new(30.5, 31.5), second = new(34, 37);
        InstanceRestart[] restarts = [Restart("pipeline-0", 30, 35, first, second), Restart("pipeline-1", 42, 47, second)];

        var m = MechanismMeter.Measure(scenario, samples, rates, [new ActionRecord(30, 54, "rolling_deploy", "", null)], [], restarts);

        Assert.Equal(2, m.RebalanceSeconds!.Value, 9);
        Assert.Equal(3.5, m.RestartSeconds!.Value, 9);
        var applied = MechanismMeter.Apply(scenario, m);
        Assert.Equal(TimeSpan.FromSeconds(3.5), applied.Fleet.RestartTime);
        Assert.Equal(TimeSpan.FromSeconds(2), applied.Fleet.RebalanceTime);
    }

    [Fact]
    public void Measure_StaticDeploy_RestartIsStopToFirstRecordNotDeployLength_ReplayIsResentPerInstance()
    {
        // Regression: the restart was the deploy's length per instance (22 s / 2 = 11 s), which is mostly the
        // replacement time the scenario imposed. It is measured from events now: stop → first record applied, 4 s and 5 s.
        var scenario = SampleRuns.Scenario(Static);
        var (samples, rates) = Run(4, 150, 40, 600);
        InstanceRestart[] restarts = [Restart("pipeline-0", 40, 44), Restart("pipeline-1", 51, 56)];

        var m = MechanismMeter.Measure(scenario, samples, rates, [new ActionRecord(40, 62, "rolling_deploy", "", null)], [], restarts);

        Assert.Equal(4.5, m.RestartSeconds!.Value, 9);
        Assert.Null(m.RebalanceSeconds);
        Assert.Equal([300.0], m.DeployReplays);
        Assert.Equal(5, m.LongestPartitionPause!.Value, 9);
    }

    [Fact]
    public void Measure_DeployWithoutRecordedRestarts_KeepsTheScenariosRestartTime()
    {
        // No events (an external fleet): nothing is measured, so nothing is put in place of the scenario's value.
        var scenario = SampleRuns.Scenario(Static);
        var (samples, rates) = Run(4, 150, 40, 0);

        var m = MechanismMeter.Measure(scenario, samples, rates, [new ActionRecord(40, 62, "rolling_deploy", "", null)], [], []);

        Assert.Null(m.RestartSeconds);
        Assert.Equal(scenario.Fleet.RestartTime, MechanismMeter.Apply(scenario, m).Fleet.RestartTime);
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
