using LagLab.Monitor.Configuration;

namespace LagLab.Monitor.Tests.Configuration;

public sealed class PromDurationTests
{
    [Theory]
    [InlineData("5m", 300_000)]
    [InlineData("500ms", 500)]
    [InlineData("1m30s", 90_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("0s", 0)]
    public void TryParse_Valid_ReturnsDuration(string text, long milliseconds)
    {
        Assert.True(PromDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5 m")]
    [InlineData("m5")]
    [InlineData("-5s")]
    [InlineData("1.5s")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        Assert.False(PromDuration.TryParse(text, out _));
    }

    [Fact]
    public void Parse_Invalid_NamesWhat()
    {
        var error = Assert.Throws<FormatException>(() => PromDuration.Parse("soon", "--interval"));
        Assert.Contains("--interval", error.Message, StringComparison.Ordinal);
    }
}
