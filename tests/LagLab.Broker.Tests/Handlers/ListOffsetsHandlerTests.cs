using LagLab.Protocol;
using LagLab.Protocol.Messages.ListOffsets;
using LagLab.Protocol.Records;

namespace LagLab.Broker.Tests.Handlers;

public sealed class ListOffsetsHandlerTests
{
    private static ListOffsetsRequest Request(string topic, long timestamp) =>
        new(-1, [new ListOffsetsRequest.Topic(topic, [new ListOffsetsRequest.Partition(0, timestamp)])]);

    private static async Task<HandlerFixture> WithData()
    {
        var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 1, 1, []);
        Assert.True(fixture.Broker.Topics.TryGetPartition("t", 0, out var partition));
        partition.Append(new RecordBatchBuilder().Add("a", "1", 100).Add("b", "2", 200).Build());
        partition.Append(new RecordBatchBuilder().Add("c", "3", 300).Build());
        return fixture;
    }

    [Theory]
    [InlineData(-1L, 3L)]
    [InlineData(-2L, 0L)]
    [InlineData(150L, 1L)]
    [InlineData(999L, 3L)]
    public async Task ListOffsets_V0_AnswersExactlyOneOldStyleOffset(long timestamp, long expected)
    {
        await using var fixture = await WithData();

        var response = await fixture.SendAsync<ListOffsetsRequest, ListOffsetsResponse>(Request("t", timestamp), 0);

        var partition = response.Topics.Single().Partitions.Single();
        Assert.Equal(ErrorCode.None, partition.ErrorCode);
        Assert.Equal([expected], partition.OldStyleOffsets);
    }

    [Theory]
    [InlineData(-1L, -1L, 3L)]
    [InlineData(-2L, -1L, 0L)]
    [InlineData(150L, 200L, 1L)]
    [InlineData(300L, 300L, 2L)]
    [InlineData(301L, -1L, -1L)]
    public async Task ListOffsets_V5_AnswersTimestampAndOffset(long timestamp, long expectedTimestamp, long expectedOffset)
    {
        await using var fixture = await WithData();

        var response = await fixture.SendAsync<ListOffsetsRequest, ListOffsetsResponse>(Request("t", timestamp), 5);

        var partition = response.Topics.Single().Partitions.Single();
        Assert.Equal((expectedTimestamp, expectedOffset), (partition.Timestamp, partition.Offset));
    }

    [Fact]
    public async Task ListOffsets_UnknownTopic_IsUnknownTopicOrPartition()
    {
        await using var fixture = await HandlerFixture.StartAsync();

        var response = await fixture.SendAsync<ListOffsetsRequest, ListOffsetsResponse>(Request("missing", -1), 1);

        Assert.Equal(ErrorCode.UnknownTopicOrPartition, response.Topics.Single().Partitions.Single().ErrorCode);
    }
}
