namespace LagLab.Scenarios.Tests;

public sealed class DurationTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("1d", 86400)]
    [InlineData("2d12h", 216000)]
    [InlineData("250ms", 0.25)]
    [InlineData("1.5h", 5400)]
    [InlineData("1w", 604800)]
    [InlineData("0", 0)]
    [InlineData(" 3m ", 180)]
    public void TryParse_ValidText_GivesSeconds(string text, double seconds)
    {
        Assert.True(Duration.TryParse(text, out var value, out var error), error);
        Assert.Equal(seconds, value.TotalSeconds, 9);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("90", "missing unit")]
    [InlineData("-5m", "negative")]
    [InlineData("5x", "unknown unit \"x\"")]
    [InlineData("m5", "expected a duration")]
    [InlineData("30m1h", "largest to smallest")]
    [InlineData("5m5m", "largest to smallest")]
    [InlineData("five minutes", "expected a duration")]
    public void TryParse_InvalidText_SaysWhatIsWrong(string text, string expected)
    {
        Assert.False(Duration.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(90, "1m30s")]
    [InlineData(86400 + 7200, "1d2h")]
    [InlineData(0.25, "250ms")]
    [InlineData(1.5, "1.5s")]
    [InlineData(0, "0s")]
    [InlineData(300, "5m")]
    public void Format_GivesShortForm_ThatParsesBack(double seconds, string expected)
    {
        var text = Duration.Format(TimeSpan.FromSeconds(seconds));

        Assert.Equal(expected, text);
        Assert.Equal(seconds, Duration.Parse(text).TotalSeconds, 9);
    }
}
