using LagLab.Testing;

namespace LagLab.Monitor.Tests;

public sealed class MonitorOptionsTests
{
    private static MonitorOptions Valid() => new() { BootstrapServers = "127.0.0.1:9092" };

    [Fact]
    public void Validate_Defaults_Pass()
    {
        Valid().Validate();
    }

    [Theory]
    [InlineData("--bootstrap-servers", nameof(MonitorOptions.BootstrapServers), "")]
    [InlineData("--listen", nameof(MonitorOptions.Listen), "nohost")]
    [InlineData("--listen", nameof(MonitorOptions.Listen), "127.0.0.1:70000")]
    [InlineData("--listen host", nameof(MonitorOptions.Listen), "example.com:9308")]
    [InlineData("--groups", nameof(MonitorOptions.Groups), "(")]
    [InlineData("--exclude-groups", nameof(MonitorOptions.ExcludeGroups), "[")]
    [InlineData("--topics", nameof(MonitorOptions.Topics), "*")]
    [InlineData("--rules", nameof(MonitorOptions.RulesFile), "/nonexistent/rules.yml")]
    public void Validate_BadStringOption_NamesIt(string name, string property, string value) =>
        OptionsAssert.Rejects(OptionsAssert.With(Valid(), property, value).Validate, name);

    [Theory]
    [InlineData(99, false)]
    [InlineData(100, true)]
    [InlineData(3_600_000, true)]
    [InlineData(3_600_001, false)]
    public void Validate_IntervalEdges(int milliseconds, bool valid)
    {
        var options = Valid();
        options.Interval = TimeSpan.FromMilliseconds(milliseconds);
        options.History = TimeSpan.FromHours(2);

        OptionsAssert.ValidIs(valid, options.Validate, "--interval");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(256, true)]
    [InlineData(257, false)]
    public void Validate_MaxConcurrencyEdges(int value, bool valid)
    {
        var options = Valid();
        options.MaxConcurrency = value;

        OptionsAssert.ValidIs(valid, options.Validate, "max-concurrency");
    }

    [Fact]
    public void Validate_WebhookNotHttp_NamesIt()
    {
        var options = Valid();
        options.Webhook = new Uri("ftp://am:9093");

        OptionsAssert.Rejects(options.Validate, "--webhook");
    }

    [Fact]
    public void Validate_StatusWindowShorterThanTwoIntervals_Fails()
    {
        var options = Valid();
        options.StatusWindow = TimeSpan.FromSeconds(9);

        Assert.Contains("status-window", Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }
}
