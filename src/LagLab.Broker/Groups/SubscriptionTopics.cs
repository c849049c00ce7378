using LagLab.Protocol;
using LagLab.Protocol.Primitives;

namespace LagLab.Broker.Groups;

/// <summary>
/// Reads the topic list from a consumer protocol subscription. Every version starts with the v0 layout
/// (version, topics), so that prefix is all the coordinator needs, as in Kafka.
/// </summary>
internal static class SubscriptionTopics
{
    public static bool TryRead(ReadOnlyMemory<byte> subscription, out IReadOnlyList<string> topics)
    {
        try
        {
            var reader = new KafkaReader(subscription);
            reader.ReadInt16();
            var count = reader.ReadNonNullArrayLength(compact: false);
            var list = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                list.Add(reader.ReadString(compact: false));
            }
            topics = list;
            return true;
        }
        catch (KafkaProtocolException)
        {
            topics = [];
            return false;
        }
    }
}
