using LagLab.LoadTest.Campaign;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Tests.Campaign;

/// <summary>A generated file names instants exactly: what is written is what the loader reads back.</summary>
public sealed class ExactDurationTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(7, "7ms")]
    [InlineData(1_000, "1s")]
    [InlineData(90_061_000, "1d1h1m1s")]
    [InlineData(22_154_000, "6h9m14s")]
    [InlineData(172_800_000, "2d")]
    public void Format_Milliseconds_WritesEveryUnitAndRoundTrips(long milliseconds, string expected)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);

        var text = ExactDuration.Format(value);

        Assert.Equal(expected, text);
        Assert.True(Duration.TryParse(text, out var back, out var error), error);
        Assert.Equal(value, back);
    }
}
