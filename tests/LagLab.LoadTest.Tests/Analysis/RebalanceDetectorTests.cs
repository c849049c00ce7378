using LagLab.LoadTest.Analysis;
using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Tests.Analysis;

public sealed class RebalanceDetectorTests
{
    private static LagSample Sample(double t, string state, int members) => new(t, [0], [0], [0], [0], state, members);

    [Fact]
    public void Detect_StretchNotStable_IsOneRebalanceFromFirstToStableAgain()
    {
        LagSample[] samples = [Sample(0, "Stable", 2), Sample(1, "PreparingRebalance", 2), Sample(2, "CompletingRebalance", 1), Sample(4, "Stable", 1)];

        var rebalance = Assert.Single(RebalanceDetector.Detect(samples));

        Assert.Equal(1, rebalance.T);
        Assert.Equal(3, rebalance.Length);
        Assert.Equal(2, rebalance.MembersBefore);
        Assert.Equal(1, rebalance.MembersAfter);
    }

    [Fact]
    public void Detect_MemberCountChangedBetweenStableSamples_IsAShortRebalance()
    {
        LagSample[] samples = [Sample(0, "Stable", 2), Sample(1, "Stable", 3), Sample(2, "Stable", 3)];

        var rebalance = Assert.Single(RebalanceDetector.Detect(samples));

        Assert.Equal(1, rebalance.T);
        Assert.Equal(0, rebalance.Length);
        Assert.Equal(3, rebalance.MembersAfter);
    }

    [Fact]
    public void Detect_StillRebalancingAtTheEnd_IsClosedAtTheLastSample()
    {
        LagSample[] samples = [Sample(0, "Stable", 2), Sample(5, "PreparingRebalance", 2), Sample(7, "PreparingRebalance", 2)];

        var rebalance = Assert.Single(RebalanceDetector.Detect(samples));

        Assert.Equal(5, rebalance.T);
        Assert.Equal(2, rebalance.Length);
    }

    [Fact]
    public void Detect_AlwaysStable_FindsNone() =>
        Assert.Empty(RebalanceDetector.Detect([Sample(0, "Stable", 2), Sample(1, "Stable", 2)]));
}
