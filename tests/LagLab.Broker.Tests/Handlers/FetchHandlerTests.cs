using LagLab.Protocol;
using LagLab.Protocol.Messages.Fetch;
using LagLab.Protocol.Messages.Produce;
using LagLab.Protocol.Records;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Handlers;

public sealed class FetchHandlerTests
{
    [Theory]
    [InlineData(5, 0)]
    [InlineData(5, 1)]
    [InlineData(0, 3)]
    public async Task Fetch_NonZeroSessionIdOrIncrementalEpoch_IsFetchSessionIdNotFound(int sessionId, int epoch)
    {
        await using var fixture = await HandlerFixture.StartAsync();

        var response = await fixture.SendAsync<FetchRequest, FetchResponse>(HandlerFixture.Fetch("t", 0, sessionId: sessionId, sessionEpoch: epoch), 11);

        Assert.Equal(ErrorCode.FetchSessionIdNotFound, response.ErrorCode);
        Assert.Equal(0, response.SessionId);
    }

    [Fact]
    public async Task Fetch_SessionlessFull_AnswersSessionZero()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 1, 1, []);

        var response = await fixture.SendAsync<FetchRequest, FetchResponse>(HandlerFixture.Fetch("t", 0, sessionEpoch: 0), 11);

        Assert.Equal(ErrorCode.None, response.ErrorCode);
        Assert.Equal(0, response.SessionId);
        var partition = response.Responses.Single().Partitions.Single();
        Assert.Equal(ErrorCode.None, partition.ErrorCode);
        Assert.Empty(partition.Records);
    }

    [Fact]
    public async Task Fetch_OffsetPastEnd_IsOffsetOutOfRange()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 1, 1, []);

        var response = await fixture.SendAsync<FetchRequest, FetchResponse>(HandlerFixture.Fetch("t", 5, maxWaitMs: 10_000), 11);

        Assert.Equal(ErrorCode.OffsetOutOfRange, response.Responses.Single().Partitions.Single().ErrorCode);
    }

    [Fact]
    public async Task Fetch_FirstBatchLargerThanPartitionMax_StillReturnsThatWholeBatch()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 1, 1, []);
        var big = HandlerFixture.Batch(3, valueSize: 2_000);
        await fixture.SendAsync<ProduceRequest, ProduceResponse>(HandlerFixture.Produce("t", big), 8);
        await fixture.SendAsync<ProduceRequest, ProduceResponse>(HandlerFixture.Produce("t", HandlerFixture.Batch(1)), 8);

        var response = await fixture.SendAsync<FetchRequest, FetchResponse>(HandlerFixture.Fetch("t", 1, partitionMaxBytes: 100), 11);

        var partition = response.Responses.Single().Partitions.Single();
        var records = partition.Records.Single();
        Assert.Equal(big.Length, records.Length);
        Assert.Equal(0, RecordBatchHeader.Read(records.Span).BaseOffset);
        Assert.Equal(4, partition.HighWatermark);
        Assert.Equal(4, partition.LastStableOffset);
        Assert.Equal(0, partition.LogStartOffset);
    }

    [Fact]
    public async Task Fetch_MinBytesNotMet_ParksUntilAnAppendBringsData()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 1, 1, []);
        Assert.True(fixture.Broker.Topics.TryGetPartition("t", 0, out var partition));

        var pending = fixture.SendAsync<FetchRequest, FetchResponse>(HandlerFixture.Fetch("t", 0, maxWaitMs: 30_000, minBytes: 1), 11);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);
        partition.Append(HandlerFixture.Batch(2));
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(0, RecordBatchHeader.Read(response.Responses.Single().Partitions.Single().Records.Single().Span).BaseOffset);
    }

    [Fact]
    public async Task Fetch_MinBytesAboveFirstAppend_WaitsForEnoughBytes()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 1, 1, []);
        Assert.True(fixture.Broker.Topics.TryGetPartition("t", 0, out var partition));
        var batch = HandlerFixture.Batch(1);

        var pending = fixture.SendAsync<FetchRequest, FetchResponse>(HandlerFixture.Fetch("t", 0, maxWaitMs: 30_000, minBytes: (batch.Length * 2) + 1), 11);
        partition.Append(batch);
        partition.Append(batch);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);
        partition.Append(batch);
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(batch.Length * 3, response.Responses.Single().Partitions.Single().Records.Sum(r => r.Length));
    }

    [Fact]
    public async Task Fetch_NoDataUntilMaxWait_ReturnsEmptyWhenFakeTimePasses()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 1, 1, []);

        var pending = fixture.SendAsync<FetchRequest, FetchResponse>(HandlerFixture.Fetch("t", 0, maxWaitMs: 5_000), 11);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);
        // A loaded machine may not have parked the fetch yet (its max wait starts when the broker reads the
        // request): advance by the whole max wait until it answers, so one advance always follows the parking.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!pending.IsCompleted && DateTime.UtcNow < deadline)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(pending, Task.Delay(200, TestContext.Current.CancellationToken));
        }
        var response = await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var partition = response.Responses.Single().Partitions.Single();
        Assert.Equal(ErrorCode.None, partition.ErrorCode);
        Assert.Empty(partition.Records);
    }

    [Fact]
    public async Task Fetch_UnknownPartitionAmongKnown_AnswersAtOnceWithTheError()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 1, 1, []);
        var request = new FetchRequest(-1, 30_000, 1,
        [
            new FetchRequest.Topic("t", [new FetchRequest.Partition(0, 0, 1024)]),
            new FetchRequest.Topic("missing", [new FetchRequest.Partition(0, 0, 1024)]),
        ]);

        var response = await fixture.SendAsync<FetchRequest, FetchResponse>(request, 4).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(ErrorCode.UnknownTopicOrPartition, response.Responses[1].Partitions.Single().ErrorCode);
        Assert.Equal(-1, response.Responses[1].Partitions.Single().HighWatermark);
    }

    [Fact]
    public async Task Fetch_ResponseMaxBytes_LimitsLaterPartitionsButFirstGetsOneBatch()
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 2, 1, []);
        var batch = HandlerFixture.Batch(1, valueSize: 500);
        foreach (var index in new[] { 0, 1 })
        {
            Assert.True(fixture.Broker.Topics.TryGetPartition("t", index, out var partition));
            partition.Append(batch);
            partition.Append(batch);
        }
        var request = new FetchRequest(-1, 0, 1,
            [new FetchRequest.Topic("t", [new FetchRequest.Partition(0, 0, 1_000_000), new FetchRequest.Partition(1, 0, 1_000_000)])],
            MaxBytes: batch.Length + 10);

        var response = await fixture.SendAsync<FetchRequest, FetchResponse>(request, 11);

        var partitions = response.Responses.Single().Partitions;
        Assert.Equal(batch.Length, partitions[0].Records.Sum(r => r.Length));
        Assert.Empty(partitions[1].Records);
    }

    [Theory]
    [InlineData((short)0)]
    [InlineData((short)4)]
    public async Task Fetch_OldVersions_ServeStoredV2Batches(short version)
    {
        await using var fixture = await HandlerFixture.StartAsync();
        fixture.Broker.Topics.CreateTopic("t", 1, 1, []);
        Assert.True(fixture.Broker.Topics.TryGetPartition("t", 0, out var partition));
        partition.Append(HandlerFixture.Batch(2));

        var response = await fixture.SendAsync<FetchRequest, FetchResponse>(HandlerFixture.Fetch("t", 0), version);

        var records = response.Responses.Single().Partitions.Single().Records.Single();
        Assert.Equal(2, RecordBatchReader.ReadRecords(records).Count);
    }
}
