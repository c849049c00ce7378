using LagLab.Broker.Groups;
using LagLab.Broker.Groups.Persistence;
using LagLab.Protocol.Records;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Broker.Tests.Groups.Persistence;

public sealed class OffsetsTopicPersistenceTests
{
    private static readonly TopicPartition T0 = new("t", 0);

    [Fact]
    public async Task Writer_RecordsLandInTheGivenPartitionInOrder_TombstonesKeepANullValue()
    {
        var log = new MemoryOffsetsTopicLog();
        await using (var writer = new OffsetsTopicWriter(log, TimeProvider.System, NullLogger.Instance))
        {
            await writer.AppendAsync(7, [GroupRecords.Offset("g", T0, new CommittedOffset(1, -1, "", 1))]);
            await writer.AppendAsync(7, [GroupRecords.OffsetTombstone("g", T0)]);
        }

        var records = log.ReadBatches(7).SelectMany(b => RecordBatchReader.ReadRecords(b)).ToArray();
        Assert.Equal(2, records.Length);
        Assert.NotNull(records[0].Value);
        Assert.Null(records[1].Value);
        Assert.Empty(log.ReadBatches(6));
    }

    [Fact]
    public async Task Writer_AfterDispose_RefusesAppends()
    {
        var writer = new OffsetsTopicWriter(new MemoryOffsetsTopicLog(), TimeProvider.System, NullLogger.Instance);
        await writer.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.AppendAsync(0, [GroupRecords.MetadataTombstone("g")]));
    }

    [Fact]
    public async Task Writer_LogFails_AppendFaultsWithTheCause()
    {
        await using var writer = new OffsetsTopicWriter(new FailingLog(), TimeProvider.System, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<IOException>(() => writer.AppendAsync(0, [GroupRecords.MetadataTombstone("g")]));
        Assert.Equal("disk gone", error.Message);
    }

    [Fact]
    public async Task Loader_ReplaysCommitsGroupsAndTombstones_LastRecordWins()
    {
        var log = new MemoryOffsetsTopicLog();
        await using (var writer = new OffsetsTopicWriter(log, TimeProvider.System, NullLogger.Instance))
        {
            var metadata = new GroupMetadataValue("consumer", 3, "range", "m1", 10,
                [new GroupMetadataValue.Member("m1", "static-1", "c", "/h", 60_000, 10_000, TestSubscriptions.Encode("t"), new byte[] { 42 })]);
            var p = OffsetsTopic.PartitionFor("kept");
            await writer.AppendAsync(p, [
                new GroupRecord(new GroupMetadataKey("kept"), metadata.Encode()),
                GroupRecords.Offset("kept", T0, new CommittedOffset(5, -1, "", 1)),
                GroupRecords.Offset("kept", T0, new CommittedOffset(9, 2, "last", 2)),
                GroupRecords.Offset("kept", new TopicPartition("t", 1), new CommittedOffset(1, -1, "", 1)),
                GroupRecords.OffsetTombstone("kept", new TopicPartition("t", 1)),
            ]);
            var q = OffsetsTopic.PartitionFor("gone");
            await writer.AppendAsync(q, [GroupRecords.Offset("gone", T0, new CommittedOffset(1, -1, "", 1))]);
            await writer.AppendAsync(q, [GroupRecords.OffsetTombstone("gone", T0), GroupRecords.MetadataTombstone("gone")]);
        }
        await using var coordinator = new GroupCoordinator(new GroupCoordinatorOptions(6_000, 1_800_000, 3_000), new RecordingSink(), new FakeTimeProvider(), NullLogger.Instance);

        GroupStateLoader.Load(log, coordinator, NullLogger.Instance);

        var offsets = coordinator.FetchOffsets("kept", null);
        var only = Assert.Single(offsets);
        Assert.Equal(new CommittedOffset(9, 2, "last", 2), only.Offset);
        Assert.Null(coordinator.FindGroup("gone"));
        var description = coordinator.DescribeGroup("kept");
        Assert.Equal(GroupState.Stable, description.State);
        Assert.Equal("static-1", Assert.Single(description.Members).GroupInstanceId);
        Assert.Equal([42], description.Members[0].Assignment.ToArray());
    }

    [Fact]
    public async Task Loader_UnreadableRecord_IsSkippedAndTheRestLoads()
    {
        var log = new MemoryOffsetsTopicLog();
        var bad = new RecordBatchBuilder().Add(new byte[] { 0, 77 }, new byte[] { 1 }, 0).Build();
        log.Append(0, bad);
        await using (var writer = new OffsetsTopicWriter(log, TimeProvider.System, NullLogger.Instance))
        {
            await writer.AppendAsync(0, [GroupRecords.Offset("g", T0, new CommittedOffset(3, -1, "", 1))]);
        }
        await using var coordinator = new GroupCoordinator(new GroupCoordinatorOptions(6_000, 1_800_000, 3_000), new RecordingSink(), new FakeTimeProvider(), NullLogger.Instance);

        GroupStateLoader.Load(log, coordinator, NullLogger.Instance);

        Assert.Equal(3, coordinator.FetchOffsets("g", [T0]).Single().Offset!.Offset);
    }

    private sealed class FailingLog : IOffsetsTopicLog
    {
        public void Append(int partition, ReadOnlyMemory<byte> batch) => throw new IOException("disk gone");

        public IEnumerable<ReadOnlyMemory<byte>> ReadBatches(int partition) => [];
    }
}
