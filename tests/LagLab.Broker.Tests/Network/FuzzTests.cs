using System.Net.Sockets;
using LagLab.Protocol;
using LagLab.Protocol.Messages.ApiVersions;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Network;

/// <summary>
/// 100,000 random and mutated frames against a running broker: it never crashes, and a well-behaved
/// client on another connection keeps getting correct answers throughout.
/// </summary>
public sealed class FuzzTests
{
    private const int FrameCount = 100_000;
    private const int FramesPerConnection = 64;
    private const int Workers = 4;

    [Fact]
    public async Task Broker_HundredThousandMutatedFrames_NeverCrashesAndServesOthers()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var broker = await TestBroker.StartAsync(o => o.MaxRequestSize = 1 << 20);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var wellBehaved = RunWellBehavedClientAsync(broker.Port, stop.Token);

        var sent = 0;
        var workers = Enumerable.Range(0, Workers).Select(seed => Task.Run(async () =>
        {
            var fuzzer = new FrameFuzzer(seed);
            while (Interlocked.Add(ref sent, FramesPerConnection) <= FrameCount)
            {
                await SendBurstAsync(broker.Port, fuzzer, cancellation);
            }
        }, cancellation)).ToArray();
        await Task.WhenAll(workers);
        await stop.CancelAsync();
        var answered = await wellBehaved;

        Assert.True(answered > 10, $"The well-behaved client got only {answered} answers while the fuzzer ran.");
        await using var after = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, cancellation);
        var response = await after.SendAsync<ApiVersionsRequest, ApiVersionsResponse>(new ApiVersionsRequest(), 0, cancellation);
        Assert.Equal(ErrorCode.None, response.ErrorCode);
    }

    /// <summary>Writes a burst of frames on a fresh connection, half-closes, and drains whatever the broker answers.</summary>
    private static async Task SendBurstAsync(int port, FrameFuzzer fuzzer, CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", port, cancellationToken);
        var burst = new List<byte>(FramesPerConnection * 128);
        for (var i = 0; i < FramesPerConnection; i++)
        {
            burst.AddRange(fuzzer.Next(out var sizeMutated));
            if (sizeMutated)
            {
                break;
            }
        }
        try
        {
            await socket.SendAsync(burst.ToArray(), SocketFlags.None, cancellationToken);
            socket.Shutdown(SocketShutdown.Send);
            using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // Parked requests (a fuzzed Fetch with a long max wait) are not worth waiting for.
            drain.CancelAfter(TimeSpan.FromMilliseconds(250));
            var buffer = new byte[64 * 1024];
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, drain.Token) > 0)
            {
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The broker closing a connection on a malformed frame is the expected outcome.
        }
    }

    /// <summary>Sends ApiVersions on its own connection every few milliseconds; any wrong answer fails the test.</summary>
    private static async Task<int> RunWellBehavedClientAsync(int port, CancellationToken stop)
    {
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", port, CancellationToken.None);
        var answered = 0;
        while (!stop.IsCancellationRequested)
        {
            var response = await client.SendAsync<ApiVersionsRequest, ApiVersionsResponse>(new ApiVersionsRequest("good", "1"), 3, CancellationToken.None);
            Assert.Equal(ErrorCode.None, response.ErrorCode);
            answered++;
            try
            {
                await Task.Delay(20, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return answered;
    }
}
