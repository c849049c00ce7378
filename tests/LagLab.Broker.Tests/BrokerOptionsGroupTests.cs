namespace LagLab.Broker.Tests;

public sealed class BrokerOptionsGroupTests
{
    [Fact]
    public void Defaults_AreKafkas()
    {
        var options = new BrokerOptions();

        Assert.Equal((6_000, 1_800_000, 3_000), (options.GroupMinSessionTimeoutMs, options.GroupMaxSessionTimeoutMs, options.GroupInitialRebalanceDelayMs));
        options.Validate();
    }

    [Theory]
    [InlineData(0, 10, 0, "--group-min-session-timeout")]
    [InlineData(10, 9, 0, "--group-max-session-timeout")]
    [InlineData(10, 10, -1, "--group-initial-rebalance-delay")]
    public void Validate_BadGroupOption_NamesIt(int min, int max, int delay, string option)
    {
        var options = new BrokerOptions { GroupMinSessionTimeoutMs = min, GroupMaxSessionTimeoutMs = max, GroupInitialRebalanceDelayMs = delay };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EdgeValues_AreAccepted()
    {
        new BrokerOptions { GroupMinSessionTimeoutMs = 1, GroupMaxSessionTimeoutMs = 1, GroupInitialRebalanceDelayMs = 0 }.Validate();
    }
}
