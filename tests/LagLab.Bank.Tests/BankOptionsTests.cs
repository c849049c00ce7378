namespace LagLab.Bank.Tests;

public sealed class BankOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        var options = new BankOptions();

        options.Validate();

        Assert.Equal(20, options.EffectiveBurst);
    }

    public static TheoryData<Action<BankOptions>, string> Invalid => new()
    {
        { o => o.Listen = "127.0.0.1", "--listen" },
        { o => o.Listen = "bank.example:80", "--listen" },
        { o => o.Listen = "127.0.0.1:65536", "--listen" },
        { o => o.RateLimit = -1, "--rate-limit" },
        { o => o.RateLimit = double.NaN, "--rate-limit" },
        { o => o.RateLimit = 1_000_001, "--rate-limit" },
        { o => o.RateLimit = 0.0001, "--rate-limit" },
        { o => o.Burst = 0, "--burst" },
        { o => o.Burst = 1_000_001, "--burst" },
        { o => { o.RateLimit = 0; o.Burst = 5; }, "--burst" },
        { o => o.LatencyP50 = TimeSpan.FromMilliseconds(-1), "--latency-p50" },
        { o => o.LatencyP99 = TimeSpan.FromMilliseconds(19), "--latency-p99" },
        { o => o.LatencyP99 = TimeSpan.FromMinutes(11), "--latency-p99" },
        { o => { o.LatencyP50 = TimeSpan.Zero; o.LatencyP99 = TimeSpan.FromMilliseconds(5); }, "--latency-p50" },
        { o => o.LatencyHistogramPath = " ", "--latency-histogram" },
        { o => o.ErrorRate = -0.1, "--error-rate" },
        { o => o.ErrorRate = 1.01, "--error-rate" },
        { o => o.TimeoutRate = 2, "--timeout-rate" },
        { o => { o.ErrorRate = 0.6; o.TimeoutRate = 0.5; }, "--error-rate plus --timeout-rate" },
        { o => o.TimeoutHold = TimeSpan.Zero, "--timeout-hold" },
        { o => o.Outages.Add(new(TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1))), "--outage" },
        { o => { o.Outages.Add(new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10))); o.Outages.Add(new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1))); }, "overlaps" },
        { o => o.MaxConcurrency = -1, "--max-concurrency" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_BadValue_MessageNamesTheOption(Action<BankOptions> change, string option)
    {
        var options = new BankOptions();
        change(options);

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<Action<BankOptions>> EdgesThatPass => new()
    {
        o => o.RateLimit = 0,
        o => o.RateLimit = 0.001,
        o => o.RateLimit = 1_000_000,
        o => o.Burst = 1,
        o => o.Burst = 1_000_000,
        o => { o.ErrorRate = 0.5; o.TimeoutRate = 0.5; },
        o => { o.LatencyP50 = TimeSpan.Zero; o.LatencyP99 = TimeSpan.Zero; },
        o => o.LatencyP99 = o.LatencyP50,
        o => { o.Outages.Add(new(TimeSpan.Zero, TimeSpan.FromSeconds(10))); o.Outages.Add(new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1))); },
        o => o.Listen = "localhost:0",
        o => o.Listen = "[::1]:8080",
    };

    [Theory]
    [MemberData(nameof(EdgesThatPass))]
    public void Validate_EdgeValue_Passes(Action<BankOptions> change)
    {
        var options = new BankOptions();
        change(options);

        options.Validate();
    }

    [Theory]
    [InlineData(200, 20)]
    [InlineData(5, 1)]
    [InlineData(15, 2)]
    public void EffectiveBurst_NotGiven_IsATenthOfASecond(double rate, int burst) =>
        Assert.Equal(burst, new BankOptions { RateLimit = rate }.EffectiveBurst);

    [Fact]
    public void ParseListen_Localhost_IsIPv4Loopback() =>
        Assert.Equal("127.0.0.1:9000", new BankOptions { Listen = "localhost:9000" }.ParseListen().ToString());
}
