using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using LagLab.Contracts;

namespace LagLab.Bank.Tests.Http;

public sealed partial class LedgerEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("""^[a-z_:][a-z0-9_:]*(\{[a-z_]+="(?:[^"\\]|\\.)*"(,[a-z_]+="(?:[^"\\]|\\.)*")*\})? (-?[0-9.eE+-]+|\+Inf|NaN)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""^# (HELP|TYPE) [a-z_:][a-z0-9_:]* .+$""")]
    private static partial Regex CommentLine();

    [Fact]
    public async Task Stats_AfterMixedTraffic_CountsEveryOutcome()
    {
        await using var bank = await TestBank.StartAsync(o => { o.RateLimit = 0.001; o.Burst = 3; });
        (await bank.ReconcileAsync(TestBank.Event("e1", sequence: 1))).Dispose();
        (await bank.ReconcileAsync(TestBank.Event("e1", sequence: 1))).Dispose();
        (await bank.PostAsync("e3", "{")).Dispose();
        (await bank.ReconcileAsync(TestBank.Event("e2", sequence: 2))).Dispose();

        var stats = await bank.StatsAsync();

        Assert.Equal((1L, 1L, 1L, 1L, 1L), (stats.Applied, stats.Duplicates, stats.BadRequests, stats.Rejected, stats.Accounts));
        Assert.Equal(stats, bank.Server.GetStats() with { OrderViolationsByAccount = stats.OrderViolationsByAccount });
    }

    [Fact]
    public async Task Metrics_AfterTraffic_EveryLineIsValidPrometheusTextAndCountsMatch()
    {
        await using var bank = await TestBank.StartAsync(o => { o.RateLimit = 0.001; o.Burst = 2; });
        for (var i = 0; i < 3; i++)
        {
            (await bank.ReconcileAsync(TestBank.Event($"e{i}", sequence: i + 1))).Dispose();
        }

        using var response = await bank.Client.GetAsync("metrics", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.All(text.TrimEnd('\n').Split('\n'), line => Assert.True(SampleLine().IsMatch(line) || CommentLine().IsMatch(line), line));
        var lines = text.Split('\n');
        Assert.Contains("laglab_bank_requests_total{outcome=\"applied\"} 2", lines);
        Assert.Contains("laglab_bank_requests_total{outcome=\"rate_limited\"} 1", lines);
        Assert.Contains("laglab_bank_applied_total 2", lines);
        Assert.Contains("laglab_bank_request_duration_seconds_count{outcome=\"applied\"} 2", lines);
        Assert.Contains("# TYPE laglab_bank_tokens gauge", lines);
    }

    [Fact]
    public async Task Events_AfterAndLimit_PagesInLedgerOrder()
    {
        await using var bank = await TestBank.StartAsync();
        for (var i = 1; i <= 5; i++)
        {
            (await bank.ReconcileAsync(TestBank.Event($"e{i}", sequence: i))).Dispose();
        }

        var page = await bank.Client.GetFromJsonAsync("v1/ledger/events?after=1&limit=3", ContractsJsonContext.Default.LedgerEventsPage, Ct);

        Assert.Equal(["e2", "e3", "e4"], page!.Events.Select(e => e.EventId));
        Assert.Equal(4, page.Next);
    }

    [Theory]
    [InlineData("v1/ledger/events?after=-1", "'after'")]
    [InlineData("v1/ledger/events?limit=0", "'limit'")]
    [InlineData("v1/ledger/events?limit=10001", "'limit'")]
    [InlineData("v1/ledger/stats?accounts=maybe", "'accounts'")]
    public async Task Ledger_BadQuery_Answers400NamingTheParameter(string path, string parameter)
    {
        await using var bank = await TestBank.StartAsync();

        using var response = await bank.Client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, (await TestBank.ErrorOf(response)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_Running_AnswersOk()
    {
        await using var bank = await TestBank.StartAsync();

        Assert.Equal("ok\n", await bank.Client.GetStringAsync("healthz", Ct));
    }
}
