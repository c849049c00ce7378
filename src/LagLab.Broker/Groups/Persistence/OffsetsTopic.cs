namespace LagLab.Broker.Groups.Persistence;

/// <summary>The internal topic that holds committed offsets and group metadata, and how a group maps to its partition.</summary>
internal static class OffsetsTopic
{
    public const string Name = "__consumer_offsets";

    /// <summary>Kafka's offsets.topic.num.partitions default.</summary>
    public const int PartitionCount = 50;

    /// <summary>
    /// Time retention of the topic. Kafka compacts it instead; here the coordinator rewrites its live state
    /// every <see cref="RefreshInterval"/>, so older segments only hold superseded records.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan RefreshInterval = Retention / 3;

    /// <summary>Utils.abs(groupId.hashCode) % 50, with Java's String.hashCode over UTF-16 code units and abs(MIN_VALUE) = 0.</summary>
    public static int PartitionFor(string groupId)
    {
        var hash = JavaHashCode(groupId);
        var abs = hash == int.MinValue ? 0 : Math.Abs(hash);
        return abs % PartitionCount;
    }

    public static int JavaHashCode(string value)
    {
        var hash = 0;
        foreach (var c in value)
        {
            hash = unchecked((31 * hash) + c);
        }
        return hash;
    }
}
