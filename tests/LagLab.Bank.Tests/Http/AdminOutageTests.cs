using System.Net;
using LagLab.Contracts;

namespace LagLab.Bank.Tests.Http;

/// <summary>
/// Regression: <c>POST /v1/admin/outage?for=100000h</c> was accepted from any origin with no way to end it. The duration is
/// capped at 24 h, DELETE ends an outage, and a browser request from another origin is refused.
/// </summary>
public sealed class AdminOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("24h", HttpStatusCode.OK)]
    [InlineData("86401s", HttpStatusCode.BadRequest)]
    [InlineData("100000h", HttpStatusCode.BadRequest)]
    public async Task AdminOutage_Duration_CappedAt24Hours(string duration, HttpStatusCode expected)
    {
        await using var bank = await TestBank.StartAsync();

        using var response = await bank.Client.PostAsync($"v1/admin/outage?for={duration}", null, Ct);
        using var reconcile = await bank.ReconcileAsync(TestBank.Event("e1"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK, reconcile.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Contains("at most", (await TestBank.ErrorOf(response)).Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AdminOutage_Delete_EndsTheOutageNow()
    {
        await using var bank = await TestBank.StartAsync();
        using var started = await bank.Client.PostAsync("v1/admin/outage?for=1h", null, Ct);
        using var during = await bank.ReconcileAsync(TestBank.Event("e1"));

        using var ended = await bank.Client.DeleteAsync("v1/admin/outage", Ct);
        using var after = await bank.ReconcileAsync(TestBank.Event("e1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var metrics = await bank.Client.GetStringAsync("metrics", Ct);
        Assert.Contains("laglab_bank_outage_active 0\n", metrics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "Origin", "http://evil.example")]
    [InlineData("POST", "Origin", "null")]
    [InlineData("POST", "Sec-Fetch-Site", "cross-site")]
    [InlineData("DELETE", "Origin", "http://evil.example")]
    public async Task AdminOutage_FromAnotherOrigin_Refused403(string method, string header, string value)
    {
        await using var bank = await TestBank.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), "v1/admin/outage?for=1h");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await bank.Client.SendAsync(request, Ct);
        using var reconcile = await bank.ReconcileAsync(TestBank.Event("e1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", (await TestBank.ErrorOf(response)).Error);
        Assert.Equal(HttpStatusCode.OK, reconcile.StatusCode);
    }

    [Fact]
    public async Task AdminOutage_FromTheBanksOwnOrigin_Allowed()
    {
        await using var bank = await TestBank.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/admin/outage?for=1h");
        request.Headers.TryAddWithoutValidation("Origin", bank.Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");

        using var response = await bank.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
