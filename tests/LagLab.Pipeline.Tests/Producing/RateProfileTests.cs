using LagLab.Pipeline.Producing;

namespace LagLab.Pipeline.Tests.Producing;

public sealed class RateProfileTests
{
    [Fact]
    public void EventsDueBy_Constant_IsRateTimesElapsed()
    {
        var profile = RateProfile.Constant(300);

        Assert.Equal(0, profile.EventsDueBy(TimeSpan.Zero));
        Assert.Equal(300 * 66.7, profile.EventsDueBy(TimeSpan.FromSeconds(66.7))!.Value, precision: 6);
    }

    [Fact]
    public void EventsDueBy_RampAndPlateau_IntegratesTheRate()
    {
        var profile = RateProfile.Parse("""
            # ramp up, then hold
            10s 0->100
            5s 100
            """, "p");

        Assert.Equal(125, profile.EventsDueBy(TimeSpan.FromSeconds(5))!.Value, precision: 6); // area of the ramp's first half
        Assert.Equal(500, profile.EventsDueBy(TimeSpan.FromSeconds(10))!.Value, precision: 6);
        Assert.Equal(1000, profile.EventsDueBy(TimeSpan.FromSeconds(14.999))!.Value, precision: 0);
        Assert.Null(profile.EventsDueBy(TimeSpan.FromSeconds(15)));
        Assert.Equal(TimeSpan.FromSeconds(15), profile.Duration);
    }

    [Theory]
    [InlineData("30 100", "p:1: duration must be a positive number with ms, s, m or h, got '30'.")]
    [InlineData("30s fast", "p:1: rate must be a number of events per second, 0 or more, got 'fast'.")]
    [InlineData("30s 1->2->3", "p:1: a ramp is FROM->TO, got '1->2->3'.")]
    [InlineData("\n30s", "p:2: expected 'DURATION RATE' or 'DURATION FROM->TO', got '30s'.")]
    [InlineData("# nothing", "p: the profile has no segments.")]
    [InlineData("10s 0", "p: every segment has rate 0; nothing would be produced.")]
    [InlineData("-5s 10", "p:1: duration must be a positive number with ms, s, m or h, got '-5s'.")]
    public void Parse_BadLine_NamesLineAndProblem(string text, string message)
    {
        var ex = Assert.Throws<FormatException>(() => RateProfile.Parse(text, "p"));

        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Constant_NotPositive_Throws(double rate)
    {
        Assert.Throws<ArgumentException>(() => RateProfile.Constant(rate));
    }
}
