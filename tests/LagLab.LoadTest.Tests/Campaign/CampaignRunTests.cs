using LagLab.LoadTest.Campaign;

namespace LagLab.LoadTest.Tests.Campaign;

/// <summary>A run's campaign verdict: an invariant that was not measured makes it INCOMPLETE, never PASS.</summary>
public sealed class CampaignRunTests
{
    [Theory]
    [InlineData(InvariantStatus.Pass, InvariantStatus.Pass, "PASS")]
    [InlineData(InvariantStatus.NotMeasured, InvariantStatus.Pass, "INCOMPLETE")]
    [InlineData(InvariantStatus.NotMeasured, InvariantStatus.Fail, "FAIL")]
    public void Verdict_FromTheInvariants(InvariantStatus a, InvariantStatus b, string expected)
    {
        var run = new CampaignRun
        {
            Index = 0,
            Seed = 1,
            ScenarioFile = "seed-1.yaml",
            RunDirectory = "runs/seed-1",
            Description = "",
            ExitCode = 0,
            WallSeconds = 60,
            Invariants = [new("a", a, ""), new("b", b, "")],
            Reproduce = "laglab campaign --seed 1 --count 1",
            ReproduceLoadTest = "laglab loadtest seed-1.yaml --seed 1",
        };

        Assert.Equal(expected, run.Verdict);
    }
}
