namespace LagLab.Scenarios.Tests.Loading;

/// <summary>
/// Regression: <c>fleet.rate_limit</c> above <c>bank.rate_limit</c> loaded silently, and the forecast then reported "never
/// drains" with no backlog. It is refused, saying why and what to set.
/// </summary>
public sealed class FleetBudgetTests
{
    [Theory]
    [InlineData(200, 200, true)]
    [InlineData(201, 200, false)]
    [InlineData(300, null, false)] // the bank's default limit is 200/s
    [InlineData(150, 100, false)]
    public void Load_FleetBudgetAgainstBankLimit_OnlyUpToTheLimit(int fleet, int? bank, bool valid)
    {
        var yaml = ScenarioYaml.Minimal + $"\nfleet:\n  rate_limit: {fleet}\n" + (bank is { } b ? $"bank:\n  rate_limit: {b}\n" : "");

        if (valid)
        {
            Assert.Equal(fleet, ScenarioYaml.Parse(yaml).Fleet.RateLimit);
            return;
        }
        var error = ScenarioYaml.Single(yaml);
        Assert.Equal(("fleet.rate_limit", 5, 15), (error.Path, error.Line, error.Column));
        Assert.Contains($"{fleet}/s is above bank.rate_limit {bank ?? 200}/s", error.Message, StringComparison.Ordinal);
        Assert.Contains($"set it to at most {bank ?? 200}/s", error.Message, StringComparison.Ordinal);
    }
}
