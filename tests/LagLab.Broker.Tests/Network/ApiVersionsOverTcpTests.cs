using System.Buffers;
using LagLab.Protocol;
using LagLab.Protocol.Messages.ApiVersions;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Network;

public sealed class ApiVersionsOverTcpTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task ApiVersions_SupportedVersion_ListsApiVersionsItself(short version)
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, TestContext.Current.CancellationToken);

        var response = await client.SendAsync<ApiVersionsRequest, ApiVersionsResponse>(new ApiVersionsRequest("tests", "1"), version, TestContext.Current.CancellationToken);

        Assert.Equal(ErrorCode.None, response.ErrorCode);
        var own = Assert.Single(response.ApiKeys, k => k.ApiKey == (short)ApiKey.ApiVersions);
        Assert.Equal(new ApiVersionsResponse.ApiKeyRange(18, 0, 3), own);
    }

    [Fact]
    public async Task ApiVersions_UnsupportedVersion_AnswersV0BodyWithUnsupportedVersion()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, TestContext.Current.CancellationToken);
        var header = new RequestHeader(ApiKey.ApiVersions, 9, 42, "future-client");
        var output = new ArrayBufferWriter<byte>();
        Frame.WriteRequest(output, header, new ApiVersionsRequest("future", "9"));

        await client.SendRawAsync(output.WrittenMemory, TestContext.Current.CancellationToken);
        var frame = await client.ReadFrameAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(frame);
        var response = RawKafkaClient.DecodeResponse<ApiVersionsResponse>(frame, header with { ApiVersion = 0 });
        Assert.Equal(ErrorCode.UnsupportedVersion, response.ErrorCode);
        Assert.Contains(response.ApiKeys, k => k.ApiKey == (short)ApiKey.ApiVersions && k.MaxVersion == 3);
    }

    [Fact]
    public async Task Connection_OversizedFrame_IsClosedAndBrokerKeepsServing()
    {
        await using var broker = await TestBroker.StartAsync(o => o.MaxRequestSize = 4096);
        await using var hostile = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, TestContext.Current.CancellationToken);
        await using var wellBehaved = await RawKafkaClient.ConnectAsync("127.0.0.1", broker.Port, TestContext.Current.CancellationToken);

        await hostile.SendRawAsync(new byte[] { 0x7F, 0xFF, 0xFF, 0xFF }, TestContext.Current.CancellationToken);

        Assert.True(await hostile.IsClosedByPeerAsync(TimeSpan.FromSeconds(5)));
        var response = await wellBehaved.SendAsync<ApiVersionsRequest, ApiVersionsResponse>(new ApiVersionsRequest(), 0, TestContext.Current.CancellationToken);
        Assert.Equal(ErrorCode.None, response.ErrorCode);
    }
}
