using LagLab.LoadTest.Campaign;
using LagLab.LoadTest.Timeline;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Tests.Campaign;

/// <summary>The campaign's generator: every seed gives a scenario the loader accepts and the harness can run, the same one every time, and seeds together cover every dimension the campaign promises.</summary>
public sealed class ScenarioGeneratorTests
{
    private static readonly Lazy<IReadOnlyList<GeneratedScenario>> Thousand = new(() => [.. Enumerable.Range(0, 1000).Select(ScenarioGenerator.Generate)]);

    [Fact]
    public void Generate_1000Seeds_EveryFileLoadsAndFitsARun()
    {
        foreach (var generated in Thousand.Value)
        {
            // Generate loaded the YAML already; load it again from a file, as the campaign and a user's rerun do.
            var reloaded = ScenarioLoader.Parse(generated.Yaml, generated.FileName, AppContext.BaseDirectory);
            var s = generated.Scenario;
            Assert.Equal(s.Fleet, reloaded.Fleet);
            Assert.Null(ActionPlan.Unsupported(s));
            var wall = s.TimeScale.ToWall(s.Producer.Duration).TotalSeconds;
            Assert.InRange(wall, 24.5, 40.5);
            foreach (var planned in ActionPlan.Build(s))
            {
                Assert.InRange(planned.WallAt, 0, wall);
            }
        }
    }

    [Fact]
    public void Generate_KilledInstance_RunsAtTheTimeOfTheKillAndOneInstanceAlwaysComesBack()
    {
        foreach (var s in Thousand.Value.Select(g => g.Scenario))
        {
            var scale = s.Actions.OfType<ScaleAction>().Select(a => a.Instances).DefaultIfEmpty(s.Fleet.Instances).Single();
            foreach (var kill in s.Actions.OfType<KillAction>())
            {
                Assert.InRange(kill.Instance, 0, Math.Min(s.Fleet.Instances, scale) - 1);
                if (Math.Min(s.Fleet.Instances, scale) == 1)
                {
                    Assert.NotNull(kill.RestartAfter);
                }
            }
        }
    }

    [Fact]
    public void Generate_SameSeed_SameFile()
    {
        Assert.Equal(ScenarioGenerator.Generate(4242).Yaml, ScenarioGenerator.Generate(4242).Yaml);
        Assert.NotEqual(ScenarioGenerator.Generate(4242).Yaml, ScenarioGenerator.Generate(4243).Yaml);
    }

    [Fact]
    public void Generate_1000Seeds_CoverEveryDimension()
    {
        var all = Thousand.Value.Select(g => g.Scenario).ToList();
        Assert.Equal(Enumerable.Range(1, 24), all.Select(s => s.Topic.Partitions).Distinct().Order());
        Assert.Equal(Enumerable.Range(1, 6), all.Select(s => s.Fleet.Instances).Distinct().Order());
        Assert.Equal(Enum.GetValues<Assignor>().Order(), all.Select(s => s.Fleet.Assignor).Distinct().Order());
        Assert.Equal(2, all.Select(s => s.Fleet.StaticMembership).Distinct().Count());
        Assert.Equal(Enum.GetValues<ProcessingMode>().Order(), all.Select(s => s.Fleet.Processing).Distinct().Order());
        Assert.Equal(Enum.GetValues<BufferMode>().Order(), all.Select(s => s.Fleet.Buffer).Distinct().Order());
        Assert.InRange(all.Min(s => s.Bank.RateLimit), 50, 60);
        Assert.InRange(all.Max(s => s.Bank.RateLimit), 490, 500);
        Assert.Contains(all, s => s.Bank.Latency.Histogram.Count > 0);
        Assert.Contains(all, s => s.Bank.Latency.Histogram.Count == 0 && s.Bank.Latency.P50 == s.Bank.Latency.P99);
        Assert.Contains(all, s => s.Bank.Latency.Histogram.Count == 0 && s.Bank.Latency.P99 > s.Bank.Latency.P50);
        Assert.Equal(["ConstantRate", "DiurnalRate", "PeakWindowsRate"], all.Select(s => s.Producer.Rate.GetType().Name).Distinct().Order());
        Assert.Equal(
            ["add_partitions", "bank_outage", "kill", "restart_broker", "rolling_deploy", "scale"],
            all.SelectMany(s => s.Actions).Select(a => a.Type).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(all, s => s.Bank.Outages.Count > 0);
        Assert.Contains(all, s => s.Actions.OfType<KillAction>().Any(k => k.RestartAfter is null));
        Assert.Contains(all, s => s.Actions.Count == 0);
    }

    [Fact]
    public void Generate_SeedsUsedByCi_StayTheSame()
    {
        // The CI campaign and docs/benchmarks.md name seeds: a change of the generator that changes them must be deliberate.
        var steady = ScenarioGenerator.Generate(9029).Scenario;
        Assert.Equal((20, 2, ProcessingMode.Blocking, 0), (steady.Topic.Partitions, steady.Fleet.Instances, steady.Fleet.Processing, steady.Actions.Count));
        var growth = ScenarioGenerator.Generate(9244).Scenario;
        Assert.Equal((6, 1, ProcessingMode.Blocking), (growth.Topic.Partitions, growth.Fleet.Instances, growth.Fleet.Processing));
        Assert.IsType<AddPartitionsAction>(Assert.Single(growth.Actions));
    }
}
