using System.Net;
using LagLab.Contracts;

namespace LagLab.Bank.Tests.Http;

/// <summary>
/// Regression: a reused Idempotency-Key with a different amount, account or currency was answered 200 Idempotent-Replayed
/// with the original result, so a conflicting event passed as done. It is a 409 naming the differing fields, counted in
/// the stats and the metrics; an identical retry is still a replay.
/// </summary>
public sealed class IdempotencyConflictTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reconcile_SameKeyOtherAmountAndCurrency_Answers409NamingTheFieldsAndAppliesNothing()
    {
        await using var bank = await TestBank.StartAsync();
        using var applied = await bank.ReconcileAsync(TestBank.Event("e1"));

        using var conflict = await bank.ReconcileAsync(TestBank.Event("e1") with { Amount = 5m, Currency = "USD" });

        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.False(conflict.Headers.Contains(BankApi.IdempotentReplayedHeader));
        var error = await TestBank.ErrorOf(conflict);
        Assert.Equal(BankApi.IdempotencyConflictError, error.Error);
        Assert.Equal(["amount", "currency"], error.Fields);
        Assert.Contains("'e1' was applied (ledger index 1) with a different amount, currency", error.Reason, StringComparison.Ordinal);
        var stats = await bank.StatsAsync();
        Assert.Equal((1L, 0L, 1L), (stats.Applied, stats.Duplicates, stats.Conflicts));
        var metrics = await bank.Client.GetStringAsync(BankApi.MetricsPath.TrimStart('/'), Ct);
        Assert.Contains("laglab_bank_requests_total{outcome=\"conflict\"} 1\n", metrics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("account")]
    [InlineData("sequence")]
    public async Task Reconcile_SameKeyOtherAccountOrSequence_Answers409NamingIt(string field)
    {
        await using var bank = await TestBank.StartAsync();
        using var applied = await bank.ReconcileAsync(TestBank.Event("e1", "acct-1", 1));
        var other = field == "account" ? TestBank.Event("e1", "acct-2", 1) : TestBank.Event("e1", "acct-1", 2);

        using var conflict = await bank.ReconcileAsync(other);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal([field], (await TestBank.ErrorOf(conflict)).Fields);
    }

    [Fact]
    public async Task Reconcile_SameKeySamePayloadAfterAConflict_StillReplaysTheOriginal()
    {
        await using var bank = await TestBank.StartAsync();
        using var applied = await bank.ReconcileAsync(TestBank.Event("e1"));
        using var conflict = await bank.ReconcileAsync(TestBank.Event("e1") with { Amount = 1m });

        // The same amount written differently (99.950) is the same event.
        using var retry = await bank.ReconcileAsync(TestBank.Event("e1") with { Amount = 99.950m, ProducedAt = DateTimeOffset.UnixEpoch });

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues(BankApi.IdempotentReplayedHeader).Single());
        Assert.Equal(await applied.Content.ReadAsStringAsync(Ct), await retry.Content.ReadAsStringAsync(Ct));
        var stats = await bank.StatsAsync();
        Assert.Equal((1L, 1L, 1L), (stats.Applied, stats.Duplicates, stats.Conflicts));
    }
}
