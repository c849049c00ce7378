using LagLab.Protocol;
using LagLab.Protocol.Primitives;

namespace LagLab.Broker.Groups.Persistence;

/// <summary>
/// A key of <c>__consumer_offsets</c>. Its leading int16 version says what it is: 0 or 1 an offset commit,
/// 2 a group's metadata (GroupMetadataManager's key schemas).
/// </summary>
internal abstract record GroupRecordKey(string Group)
{
    /// <summary>Decodes a key; throws <see cref="InvalidDataException"/> naming the problem for anything else.</summary>
    public static GroupRecordKey Decode(ReadOnlyMemory<byte> key)
    {
        try
        {
            var reader = new KafkaReader(key);
            var version = reader.ReadInt16();
            return version switch
            {
                0 or 1 => OffsetCommitKey.ReadBody(ref reader),
                2 => new GroupMetadataKey(reader.ReadString(compact: false)),
                _ => throw new InvalidDataException($"__consumer_offsets key version {version} is not known."),
            };
        }
        catch (KafkaProtocolException ex)
        {
            throw new InvalidDataException($"__consumer_offsets key is malformed: {ex.Message}", ex);
        }
    }

    public abstract byte[] Encode();
}
