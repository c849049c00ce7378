using LagLab.LoadTest.Campaign;

namespace LagLab.LoadTest.Tests.Campaign;

/// <summary>Invariant (d)'s tolerance at both edges: 15% of the measured max lag, or 200 events under 1,500.</summary>
public sealed class ForecastCheckTests
{
    [Theory]
    [InlineData(1_150, 1_000, true)]
    [InlineData(1_201, 1_000, false)]
    [InlineData(0, 200, true)]
    [InlineData(0, 201, false)]
    [InlineData(1_725, 1_500, true)]
    [InlineData(1_726, 1_500, false)]
    [InlineData(1_275, 1_500, true)]
    [InlineData(1_274, 1_500, false)]
    public void Within_EdgesOfBothRules(double forecast, double measured, bool expected)
    {
        Assert.Equal(expected, ForecastCheck.Within(forecast, measured));
    }
}
