using LagLab.Protocol;
using LagLab.Protocol.Messages.Metadata;

namespace LagLab.Broker.Tests.Handlers;

public sealed class MetadataHandlerTests
{
    [Fact]
    public async Task Metadata_DuplicateAndUnknownTopics_AnswersEachNameOnce()
    {
        await using var fixture = await HandlerFixture.StartAsync(o => o.AutoCreateTopics = false);
        fixture.Broker.Topics.CreateTopic("known", 2, 1, []);

        var response = await fixture.SendAsync<MetadataRequest, MetadataResponse>(new MetadataRequest(["known", "missing", "known"]), 8);

        Assert.Equal(["known", "missing"], response.Topics.Select(t => t.Name));
        Assert.Equal(ErrorCode.UnknownTopicOrPartition, response.Topics[1].ErrorCode);
        Assert.Equal(2, response.Topics[0].Partitions.Count);
        Assert.Equal(fixture.Broker.ClusterId, response.ClusterId);
        Assert.Equal(1, response.ControllerId);
        var broker = Assert.Single(response.Brokers);
        Assert.Equal(fixture.Broker.Port, broker.Port);
    }

    [Fact]
    public async Task Metadata_UnknownTopicWithAutoCreate_LeaderNotAvailableThenReady()
    {
        await using var fixture = await HandlerFixture.StartAsync(o => o.DefaultPartitions = 3);

        var first = await fixture.SendAsync<MetadataRequest, MetadataResponse>(new MetadataRequest(["fresh"]), 4);
        var second = await fixture.SendAsync<MetadataRequest, MetadataResponse>(new MetadataRequest(["fresh"]), 4);

        Assert.Equal(ErrorCode.LeaderNotAvailable, first.Topics.Single().ErrorCode);
        Assert.Equal(ErrorCode.None, second.Topics.Single().ErrorCode);
        Assert.Equal(3, second.Topics.Single().Partitions.Count);
    }

    [Fact]
    public async Task Metadata_RequestDisallowsAutoCreate_DoesNotCreate()
    {
        await using var fixture = await HandlerFixture.StartAsync();

        var response = await fixture.SendAsync<MetadataRequest, MetadataResponse>(new MetadataRequest(["fresh"], AllowAutoTopicCreation: false), 4);

        Assert.Equal(ErrorCode.UnknownTopicOrPartition, response.Topics.Single().ErrorCode);
        Assert.False(fixture.Broker.Topics.TryGetTopic("fresh", out _));
    }

    [Fact]
    public async Task Metadata_IllegalTopicName_IsInvalidTopic()
    {
        await using var fixture = await HandlerFixture.StartAsync();

        var response = await fixture.SendAsync<MetadataRequest, MetadataResponse>(new MetadataRequest(["no/slash"]), 4);

        Assert.Equal(ErrorCode.InvalidTopicException, response.Topics.Single().ErrorCode);
    }

    [Theory]
    [InlineData((short)0)]
    [InlineData((short)1)]
    [InlineData((short)8)]
    public async Task Metadata_AllTopics_IncludesInternalTopicFlagged(short version)
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("user", 1, 1, []);
        fixture.Broker.Topics.GetOrCreateInternalTopic("__consumer_offsets", 2);

        var response = await fixture.SendAsync<MetadataRequest, MetadataResponse>(new MetadataRequest(null), version);

        var offsets = response.Topics.Single(t => t.Name == "__consumer_offsets");
        Assert.Equal(version >= 1, offsets.IsInternal);
        Assert.Contains(response.Topics, t => t.Name == "user");
        Assert.All(offsets.Partitions, p => Assert.Equal([1], p.ReplicaNodes));
    }

    [Fact]
    public async Task Metadata_EmptyTopicListAtV1_ReturnsBrokersOnly()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("user", 1, 1, []);

        var response = await fixture.SendAsync<MetadataRequest, MetadataResponse>(new MetadataRequest([]), 1);

        Assert.Empty(response.Topics);
        Assert.Single(response.Brokers);
    }
}
