using System.Globalization;

namespace LagLab.Broker.Handlers.Admin;

/// <summary>The broker's own settings under the names Kafka gives them, for DescribeConfigs on the broker resource.</summary>
internal static class BrokerConfigEntries
{
    private static readonly BrokerOptions BuiltIn = new();

    public static IReadOnlyList<BrokerConfigEntry> From(BrokerOptions options) =>
    [
        Entry("node.id", o => Invariant(o.NodeId), options),
        Entry("log.dirs", o => o.DataDirectory, options),
        Entry("num.partitions", o => Invariant(o.DefaultPartitions), options),
        Entry("auto.create.topics.enable", o => o.AutoCreateTopics ? "true" : "false", options),
        Entry("socket.request.max.bytes", o => Invariant(o.MaxRequestSize), options),
        Entry("message.max.bytes", o => Invariant(o.MaxMessageBytes), options),
        Entry("log.segment.bytes", o => Invariant(o.SegmentBytes), options),
        Entry("log.retention.ms", o => Invariant(o.RetentionMs), options),
        Entry("log.retention.bytes", o => Invariant(o.RetentionBytes), options),
        Entry("log.retention.check.interval.ms", o => Invariant((long)o.RetentionCheckInterval.TotalMilliseconds), options),
        Entry("log.cleanup.policy", _ => Topics.TopicConfigs.DeletePolicy, options),
        Entry("log.message.timestamp.type", _ => "CreateTime", options),
        Entry("log.flush.interval.messages", o => Invariant(o.FlushIntervalMessages), options),
        Entry("log.flush.interval.ms", o => Invariant((long)o.FlushInterval.TotalMilliseconds), options),
    ];

    private static BrokerConfigEntry Entry(string name, Func<BrokerOptions, string?> value, BrokerOptions options) =>
        new(name, value(options), value(BuiltIn));

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
