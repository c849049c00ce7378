using System.Buffers;
using LagLab.Protocol;
using LagLab.Protocol.Messages.ApiVersions;
using LagLab.Protocol.Messages.Produce;

namespace LagLab.Broker.Tests.Handlers;

public sealed class ProduceHandlerTests
{
    [Fact]
    public async Task Produce_AcksZero_SendsNoResponseButAppends()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 1, 1, []);
        var header = new RequestHeader(ApiKey.Produce, 8, 1, "tests");
        var frame = new ArrayBufferWriter<byte>();
        Frame.WriteRequest(frame, header, HandlerFixture.Produce("t", HandlerFixture.Batch(3), acks: 0));

        await fixture.Client.SendRawAsync(frame.WrittenMemory, TestContext.Current.CancellationToken);
        // The next frame on this connection must answer the ApiVersions request (correlation ids are checked).
        var versions = await fixture.SendAsync<ApiVersionsRequest, ApiVersionsResponse>(new ApiVersionsRequest(), 0);

        Assert.Equal(ErrorCode.None, versions.ErrorCode);
        Assert.True(fixture.Broker.Topics.TryGetPartition("t", 0, out var partition));
        Assert.Equal(3, partition.LogEndOffset);
    }

    [Theory]
    [InlineData((short)2)]
    [InlineData((short)-2)]
    public async Task Produce_InvalidAcks_IsInvalidRequiredAcks(short acks)
    {
        await using var fixture = await HandlerFixture.StartAsync();

        var response = await fixture.SendAsync<ProduceRequest, ProduceResponse>(HandlerFixture.Produce("t", HandlerFixture.Batch(1), acks), 8);

        Assert.Equal(ErrorCode.InvalidRequiredAcks, response.Responses.Single().Partitions.Single().ErrorCode);
    }

    [Fact]
    public async Task Produce_BatchAboveMessageMaxBytes_IsMessageTooLargeWithMessage()
    {
        await using var fixture = await HandlerFixture.StartAsync(o => o.MaxMessageBytes = 500);
        fixture.Broker.Topics.CreateTopic("t", 1, 1, []);

        var response = await fixture.SendAsync<ProduceRequest, ProduceResponse>(HandlerFixture.Produce("t", HandlerFixture.Batch(2, valueSize: 400)), 8);

        var partition = response.Responses.Single().Partitions.Single();
        Assert.Equal(ErrorCode.MessageTooLarge, partition.ErrorCode);
        Assert.Contains("500", partition.ErrorMessage);
    }

    [Fact]
    public async Task Produce_CorruptCrc_IsCorruptMessage()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        var batch = HandlerFixture.Batch(2);
        batch[^1] ^= 0xFF;

        var response = await fixture.SendAsync<ProduceRequest, ProduceResponse>(HandlerFixture.Produce("t", batch), 8);

        Assert.Equal(ErrorCode.CorruptMessage, response.Responses.Single().Partitions.Single().ErrorCode);
    }

    [Fact]
    public async Task Produce_UnknownTopicAutoCreateOff_IsUnknownTopicOrPartition()
    {
        await using var fixture = await HandlerFixture.StartAsync(o => o.AutoCreateTopics = false);

        var response = await fixture.SendAsync<ProduceRequest, ProduceResponse>(HandlerFixture.Produce("missing", HandlerFixture.Batch(1)), 8);

        Assert.Equal(ErrorCode.UnknownTopicOrPartition, response.Responses.Single().Partitions.Single().ErrorCode);
        Assert.False(fixture.Broker.Topics.TryGetTopic("missing", out _));
    }

    [Fact]
    public async Task Produce_PartitionBeyondTopic_IsUnknownTopicOrPartition()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 2, 1, []);

        var response = await fixture.SendAsync<ProduceRequest, ProduceResponse>(HandlerFixture.Produce("t", HandlerFixture.Batch(1), partition: 2), 8);

        Assert.Equal(ErrorCode.UnknownTopicOrPartition, response.Responses.Single().Partitions.Single().ErrorCode);
    }

    [Fact]
    public async Task Produce_ToInternalTopic_IsRefused()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.GetOrCreateInternalTopic("__consumer_offsets", 1);

        var response = await fixture.SendAsync<ProduceRequest, ProduceResponse>(HandlerFixture.Produce("__consumer_offsets", HandlerFixture.Batch(1)), 8);

        Assert.Equal(ErrorCode.InvalidTopicException, response.Responses.Single().Partitions.Single().ErrorCode);
    }

    [Fact]
    public async Task Produce_Success_ReturnsBaseOffsetLogStartAndNoAppendTime()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 1, 1, []);
        await fixture.SendAsync<ProduceRequest, ProduceResponse>(HandlerFixture.Produce("t", HandlerFixture.Batch(4)), 8);

        var response = await fixture.SendAsync<ProduceRequest, ProduceResponse>(HandlerFixture.Produce("t", HandlerFixture.Batch(2)), 8);

        var partition = response.Responses.Single().Partitions.Single();
        Assert.Equal(ErrorCode.None, partition.ErrorCode);
        Assert.Equal(4, partition.BaseOffset);
        Assert.Equal(-1, partition.LogAppendTimeMs);
        Assert.Equal(0, partition.LogStartOffset);
    }
}
