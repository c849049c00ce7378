namespace LagLab.Broker.Groups.Persistence;

/// <summary>Builds the <c>__consumer_offsets</c> records for a group's state changes.</summary>
internal static class GroupRecords
{
    /// <summary>The group's metadata with the given assignments (Kafka's storeGroup).</summary>
    public static GroupRecord Metadata(ClassicGroup group, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> assignments)
    {
        var members = group.Members.Select(m => new GroupMetadataValue.Member(
            m.MemberId,
            m.GroupInstanceId,
            m.ClientId,
            m.ClientHost,
            m.RebalanceTimeoutMs,
            m.SessionTimeoutMs,
            group.ProtocolName is { } protocol ? m.MetadataFor(protocol) : ReadOnlyMemory<byte>.Empty,
            assignments.TryGetValue(m.MemberId, out var assignment) ? assignment : ReadOnlyMemory<byte>.Empty)).ToArray();
        var value = new GroupMetadataValue(group.ProtocolType ?? string.Empty, group.GenerationId, group.ProtocolName, group.LeaderId, group.StateTimestampMs, members);
        return new GroupRecord(new GroupMetadataKey(group.GroupId), value.Encode());
    }

    public static GroupRecord Offset(string groupId, TopicPartition partition, CommittedOffset offset) =>
        new(new OffsetCommitKey(groupId, partition), OffsetCommitValue.Encode(offset));

    public static GroupRecord OffsetTombstone(string groupId, TopicPartition partition) =>
        new(new OffsetCommitKey(groupId, partition), null);

    public static GroupRecord MetadataTombstone(string groupId) =>
        new(new GroupMetadataKey(groupId), null);
}
