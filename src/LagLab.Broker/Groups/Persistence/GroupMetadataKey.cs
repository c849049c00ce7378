using System.Buffers;
using LagLab.Protocol.Primitives;

namespace LagLab.Broker.Groups.Persistence;

/// <summary>Group metadata key, version 2: the group id.</summary>
internal sealed record GroupMetadataKey(string Group) : GroupRecordKey(Group)
{
    public const short Version = 2;

    public override byte[] Encode()
    {
        var output = new ArrayBufferWriter<byte>(32);
        var writer = new KafkaWriter(output);
        writer.WriteInt16(Version);
        writer.WriteString(Group, compact: false);
        return output.WrittenSpan.ToArray();
    }
}
