using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LagLab.Bank.Tests.Http;

public sealed class BankServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_BadOption_ThrowsNamingTheOption()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            BankServer.StartAsync(new BankOptions { Listen = "127.0.0.1:0", ErrorRate = 3 }, cancellationToken: Ct));

        Assert.Contains("--error-rate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_BadHistogramFile_ThrowsNamingOptionFileAndLine()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(path, ["10ms 1", "5ms 1"], Ct);

            var error = await Assert.ThrowsAsync<ArgumentException>(() =>
                BankServer.StartAsync(new BankOptions { Listen = "127.0.0.1:0", LatencyHistogramPath = path }, cancellationToken: Ct));

            Assert.StartsWith($"--latency-histogram {path}:2:", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task StartAsync_PortInUse_Throws()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await Assert.ThrowsAsync<IOException>(() =>
            BankServer.StartAsync(new BankOptions { Listen = $"127.0.0.1:{port}" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task StartAsync_PortZero_BaseAddressHasTheRealPort()
    {
        await using var bank = await BankServer.StartAsync(new BankOptions { Listen = "127.0.0.1:0" }, cancellationToken: Ct);

        Assert.Equal("127.0.0.1", bank.BaseAddress.Host);
        Assert.NotEqual(0, bank.BaseAddress.Port);
    }

    [Fact]
    public async Task DisposeAsync_WithARequestHeldByAnInjectedTimeout_ReturnsPromptly()
    {
        var bank = await TestBank.StartAsync(o => o.TimeoutRate = 1);
        var held = bank.ReconcileAsync(TestBank.Event("e1"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await bank.Client.GetStringAsync("metrics", Ct)).Contains("laglab_bank_in_flight 1\n", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the request never reached the bank");
            await Task.Delay(10, Ct);
        }

        var stopwatch = Stopwatch.StartNew();
        await bank.DisposeAsync();

        // The 30 s hold is released by shutdown; Kestrel's own 5 s grace is not needed either.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"stop took {stopwatch.Elapsed}");
        Assert.Equal(1, bank.Server.GetStats().Timeouts);
        await Assert.ThrowsAnyAsync<Exception>(() => held);
    }
}
