using LagLab.Protocol;
using LagLab.Protocol.Messages.CreatePartitions;
using LagLab.Protocol.Messages.CreateTopics;
using LagLab.Protocol.Messages.DeleteTopics;
using LagLab.Protocol.Messages.DescribeConfigs;
using LagLab.Protocol.Messages.InitProducerId;

namespace LagLab.Broker.Tests.Handlers;

public sealed class AdminHandlerTests
{
    [Fact]
    public async Task CreateTopics_ValidateOnly_ReportsSuccessAndCreatesNothing()
    {
        await using var fixture = await HandlerFixture.StartAsync();

        var response = await fixture.SendAsync<CreateTopicsRequest, CreateTopicsResponse>(
            new CreateTopicsRequest([new CreateTopicsRequest.Topic("t", 3, 1)], ValidateOnly: true), 4);

        Assert.Equal(ErrorCode.None, response.Topics.Single().ErrorCode);
        Assert.False(fixture.Broker.Topics.TryGetTopic("t", out _));
    }

    [Fact]
    public async Task CreateTopics_InvalidConfig_MessageNamesTheConfig()
    {
        await using var fixture = await HandlerFixture.StartAsync();

        var response = await fixture.SendAsync<CreateTopicsRequest, CreateTopicsResponse>(
            new CreateTopicsRequest([new CreateTopicsRequest.Topic("t", 1, 1, Configs: [new("retention.ms", "soon")])]), 4);

        var topic = response.Topics.Single();
        Assert.Equal(ErrorCode.InvalidConfig, topic.ErrorCode);
        Assert.Contains("retention.ms", topic.ErrorMessage);
    }

    [Fact]
    public async Task CreateTopics_ManualAssignmentOnThisNode_CreatesThatManyPartitions()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        var assignments = new[] { new CreateTopicsRequest.Assignment(0, [1]), new CreateTopicsRequest.Assignment(1, [1]) };

        var response = await fixture.SendAsync<CreateTopicsRequest, CreateTopicsResponse>(
            new CreateTopicsRequest([new CreateTopicsRequest.Topic("t", -1, -1, assignments)]), 4);

        Assert.Equal(ErrorCode.None, response.Topics.Single().ErrorCode);
        Assert.True(fixture.Broker.Topics.TryGetTopic("t", out var topic));
        Assert.Equal(2, topic.Partitions.Count);
    }

    [Fact]
    public async Task CreateTopics_AssignmentToOtherBroker_IsInvalidReplicaAssignment()
    {
        await using var fixture = await HandlerFixture.StartAsync();

        var response = await fixture.SendAsync<CreateTopicsRequest, CreateTopicsResponse>(
            new CreateTopicsRequest([new CreateTopicsRequest.Topic("t", -1, -1, [new CreateTopicsRequest.Assignment(0, [2])])]), 4);

        Assert.Equal(ErrorCode.InvalidReplicaAssignment, response.Topics.Single().ErrorCode);
    }

    [Fact]
    public async Task CreateTopics_SameNameTwiceInOneRequest_IsInvalidRequestOnce()
    {
        await using var fixture = await HandlerFixture.StartAsync();

        var response = await fixture.SendAsync<CreateTopicsRequest, CreateTopicsResponse>(
            new CreateTopicsRequest([new CreateTopicsRequest.Topic("t", 1, 1), new CreateTopicsRequest.Topic("t", 2, 1)]), 4);

        Assert.Equal(ErrorCode.InvalidRequest, Assert.Single(response.Topics).ErrorCode);
    }

    [Fact]
    public async Task DeleteTopics_KnownAndUnknown_AnswersEach()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 1, 1, []);

        var response = await fixture.SendAsync<DeleteTopicsRequest, DeleteTopicsResponse>(new DeleteTopicsRequest(["t", "missing"], 1_000), 3);

        Assert.Equal([ErrorCode.None, ErrorCode.UnknownTopicOrPartition], response.Responses.Select(r => r.ErrorCode));
    }

    [Fact]
    public async Task CreatePartitions_ValidateOnlyAndDecrease_ChangeNothing()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 3, 1, []);

        var response = await fixture.SendAsync<CreatePartitionsRequest, CreatePartitionsResponse>(
            new CreatePartitionsRequest([new CreatePartitionsRequest.Topic("t", 6)], 1_000, ValidateOnly: true), 1);
        var decrease = await fixture.SendAsync<CreatePartitionsRequest, CreatePartitionsResponse>(
            new CreatePartitionsRequest([new CreatePartitionsRequest.Topic("t", 2)], 1_000), 1);

        Assert.Equal(ErrorCode.None, response.Results.Single().ErrorCode);
        Assert.Equal(ErrorCode.InvalidPartitions, decrease.Results.Single().ErrorCode);
        Assert.NotNull(decrease.Results.Single().ErrorMessage);
        Assert.True(fixture.Broker.Topics.TryGetTopic("t", out var topic));
        Assert.Equal(3, topic.Partitions.Count);
    }

    [Fact]
    public async Task DescribeConfigs_V1WithSynonyms_ListsTopicOverrideThenBrokerThenDefault()
    {
        await using var fixture = await HandlerFixture.StartAsync(o => o.RetentionMs = 1_000);
        fixture.Broker.Topics.CreateTopic("t", 1, 1, [new("retention.ms", "5000")]);

        var response = await fixture.SendAsync<DescribeConfigsRequest, DescribeConfigsResponse>(
            new DescribeConfigsRequest([new DescribeConfigsRequest.Resource(ConfigResourceType.Topic, "t", ["retention.ms", "segment.bytes"])], IncludeSynonyms: true), 1);

        var configs = response.Results.Single().Configs;
        var retention = configs.Single(c => c.Name == "retention.ms");
        Assert.Equal("5000", retention.Value);
        Assert.Equal(ConfigSource.TopicConfig, retention.ConfigSource);
        Assert.Equal([ConfigSource.TopicConfig, ConfigSource.StaticBrokerConfig, ConfigSource.DefaultConfig], retention.Synonyms.Select(s => s.Source));
        Assert.Equal(["retention.ms", "log.retention.ms", "log.retention.ms"], retention.Synonyms.Select(s => s.Name));
        var segment = configs.Single(c => c.Name == "segment.bytes");
        Assert.Equal(ConfigSource.DefaultConfig, segment.ConfigSource);
        Assert.Equal(2, configs.Count);
    }

    [Fact]
    public async Task DescribeConfigs_OtherBrokerIdAndUnknownTopic_AreErrorsWithMessages()
    {
        await using var fixture = await HandlerFixture.StartAsync();

        var response = await fixture.SendAsync<DescribeConfigsRequest, DescribeConfigsResponse>(new DescribeConfigsRequest(
        [
            new DescribeConfigsRequest.Resource(ConfigResourceType.Broker, "7"),
            new DescribeConfigsRequest.Resource(ConfigResourceType.Topic, "missing"),
        ]), 0);

        Assert.Equal([ErrorCode.InvalidRequest, ErrorCode.UnknownTopicOrPartition], response.Results.Select(r => r.ErrorCode));
        Assert.All(response.Results, r => Assert.False(string.IsNullOrEmpty(r.ErrorMessage)));
    }

    [Fact]
    public async Task InitProducerId_Idempotent_AllocatesDistinctIdsWithEpochZero()
    {
        await using var fixture = await HandlerFixture.StartAsync();

        var first = await fixture.SendAsync<InitProducerIdRequest, InitProducerIdResponse>(new InitProducerIdRequest(null, 60_000), 1);
        var second = await fixture.SendAsync<InitProducerIdRequest, InitProducerIdResponse>(new InitProducerIdRequest(null, 60_000), 0);

        Assert.Equal(ErrorCode.None, first.ErrorCode);
        Assert.Equal(0, first.ProducerEpoch);
        Assert.NotEqual(first.ProducerId, second.ProducerId);
    }

    [Fact]
    public async Task InitProducerId_Transactional_IsRefused()
    {
        await using var fixture = await HandlerFixture.StartAsync();

        var response = await fixture.SendAsync<InitProducerIdRequest, InitProducerIdResponse>(new InitProducerIdRequest("tx-1", 60_000), 1);

        Assert.NotEqual(ErrorCode.None, response.ErrorCode);
    }
}
