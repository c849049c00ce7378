namespace LagLab.Bank.Tests;

public sealed class BankDurationTests
{
    [Theory]
    [InlineData("250us", 2_500)]
    [InlineData("20ms", 200_000)]
    [InlineData("1.5s", 15_000_000)]
    [InlineData("2m", 1_200_000_000)]
    [InlineData("1h", 36_000_000_000)]
    [InlineData("0", 0)]
    [InlineData(" 0.5ms ", 5_000)]
    public void TryParse_WithUnit_GivesExactTicks(string text, long ticks)
    {
        Assert.True(BankDuration.TryParse(text, out var value, out var error), error);
        Assert.Equal(TimeSpan.FromTicks(ticks), value);
    }

    [Theory]
    [InlineData("20")]
    [InlineData("ms")]
    [InlineData("-5ms")]
    [InlineData("5 ms")]
    [InlineData("5d")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Malformed_SaysWhatIsExpected(string? text)
    {
        Assert.False(BankDuration.TryParse(text, out _, out var error));
        Assert.Contains("not a duration", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20ms")]
    [InlineData("3s")]
    [InlineData("250us")]
    [InlineData("0")]
    public void Format_ParsedValue_RoundTrips(string text) =>
        Assert.Equal(text, BankDuration.Format(BankDuration.Parse(text)));
}
