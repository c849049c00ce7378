namespace LagLab.Bank.Tests;

public sealed class OutageWindowTests
{
    [Fact]
    public void TryParse_AtAndDuration_ReadsBoth()
    {
        Assert.True(OutageWindow.TryParse("30s:1m", out var window, out _));

        Assert.Equal(new OutageWindow(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1)), window);
        Assert.Equal(TimeSpan.FromSeconds(90), window.End);
        Assert.Equal("30s:60s", window.ToString());
    }

    [Theory]
    [InlineData("30s", "must be AT:DURATION")]
    [InlineData("30s:30s:30s", "must be AT:DURATION")]
    [InlineData("x:30s", "AT 'x' is not a duration")]
    [InlineData("30s:y", "DURATION 'y' is not a duration")]
    [InlineData("30s:0", "DURATION must be more than 0")]
    public void TryParse_Malformed_SaysWhichPart(string text, string expected)
    {
        Assert.False(OutageWindow.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
