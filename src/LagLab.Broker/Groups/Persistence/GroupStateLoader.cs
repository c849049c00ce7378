using LagLab.Protocol;
using LagLab.Protocol.Records;
using Microsoft.Extensions.Logging;

namespace LagLab.Broker.Groups.Persistence;

/// <summary>
/// Replays <c>__consumer_offsets</c> at start: for every key the last record wins and a tombstone erases
/// it, as a compacted topic would. The result is handed to the coordinator before any request is served.
/// </summary>
internal static class GroupStateLoader
{
    public static void Load(IOffsetsTopicLog log, GroupCoordinator coordinator, ILogger logger)
    {
        var groups = new Dictionary<string, GroupMetadataValue>(StringComparer.Ordinal);
        var offsets = new Dictionary<string, Dictionary<TopicPartition, CommittedOffset>>(StringComparer.Ordinal);
        long recordCount = 0;
        for (var partition = 0; partition < OffsetsTopic.PartitionCount; partition++)
        {
            foreach (var batch in log.ReadBatches(partition))
            {
                IReadOnlyList<Record> records;
                try
                {
                    records = RecordBatchReader.ReadRecords(batch);
                }
                catch (Exception ex) when (ex is KafkaProtocolException or NotSupportedException or ArgumentException)
                {
                    GroupLog.UnreadableRecord(logger, partition, -1, ex.Message);
                    continue;
                }
                foreach (var record in records)
                {
                    recordCount++;
                    try
                    {
                        Apply(record, groups, offsets);
                    }
                    catch (InvalidDataException ex)
                    {
                        GroupLog.UnreadableRecord(logger, partition, record.Offset, ex.Message);
                    }
                }
            }
        }
        foreach (var emptied in offsets.Where(o => o.Value.Count == 0).Select(o => o.Key).ToArray())
        {
            offsets.Remove(emptied);
        }
        coordinator.Restore(groups, offsets);
        GroupLog.Loaded(logger, groups.Count, offsets.Sum(o => o.Value.Count), recordCount);
    }

    private static void Apply(Record record, Dictionary<string, GroupMetadataValue> groups, Dictionary<string, Dictionary<TopicPartition, CommittedOffset>> offsets)
    {
        if (record.Key is not { } key)
        {
            throw new InvalidDataException("record has no key");
        }
        switch (GroupRecordKey.Decode(key))
        {
            case OffsetCommitKey offsetKey when record.Value is { } value:
                if (!offsets.TryGetValue(offsetKey.Group, out var committed))
                {
                    offsets[offsetKey.Group] = committed = [];
                }
                committed[offsetKey.TopicPartition] = OffsetCommitValue.Decode(value);
                break;
            case OffsetCommitKey offsetKey:
                if (offsets.TryGetValue(offsetKey.Group, out var existing))
                {
                    existing.Remove(offsetKey.TopicPartition);
                }
                break;
            case GroupMetadataKey groupKey when record.Value is { } value:
                groups[groupKey.Group] = GroupMetadataValue.Decode(value);
                break;
            case GroupMetadataKey groupKey:
                groups.Remove(groupKey.Group);
                break;
        }
    }
}
