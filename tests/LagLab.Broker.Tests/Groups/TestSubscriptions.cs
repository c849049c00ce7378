using System.Buffers;
using LagLab.Broker.Groups;
using LagLab.Protocol.Primitives;

namespace LagLab.Broker.Tests.Groups;

/// <summary>Consumer protocol subscriptions (v0 layout) for the coordinator's tests.</summary>
internal static class TestSubscriptions
{
    public static byte[] Encode(params string[] topics)
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new KafkaWriter(output);
        writer.WriteInt16((short)0);
        writer.WriteArrayLength(topics.Length, compact: false);
        foreach (var topic in topics)
        {
            writer.WriteString(topic, compact: false);
        }
        writer.WriteNullableBytes(null, compact: false);
        return output.WrittenSpan.ToArray();
    }

    public static MemberProtocol Range(params string[] topics) => new("range", Encode(topics.Length == 0 ? ["t"] : topics));

    public static MemberProtocol RoundRobin(params string[] topics) => new("roundrobin", Encode(topics.Length == 0 ? ["t"] : topics));
}
