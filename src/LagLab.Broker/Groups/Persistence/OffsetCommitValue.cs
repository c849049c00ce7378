using System.Buffers;
using LagLab.Protocol;
using LagLab.Protocol.Primitives;

namespace LagLab.Broker.Groups.Persistence;

/// <summary>
/// Offset commit value. Written at version 3 (offset, leader epoch, metadata, commit timestamp), never 2,
/// which Burrow drops; versions 0-3 are read.
/// </summary>
internal static class OffsetCommitValue
{
    public const short Version = 3;

    public static byte[] Encode(CommittedOffset offset)
    {
        var output = new ArrayBufferWriter<byte>(32 + offset.Metadata.Length);
        var writer = new KafkaWriter(output);
        writer.WriteInt16(Version);
        writer.WriteInt64(offset.Offset);
        writer.WriteInt32(offset.LeaderEpoch);
        writer.WriteString(offset.Metadata, compact: false);
        writer.WriteInt64(offset.CommitTimestampMs);
        return output.WrittenSpan.ToArray();
    }

    public static CommittedOffset Decode(ReadOnlyMemory<byte> value)
    {
        try
        {
            var reader = new KafkaReader(value);
            var version = reader.ReadInt16();
            switch (version)
            {
                case 0 or 2:
                    {
                        // v0: offset, metadata, timestamp; v2 has the same fields (commit timestamp only).
                        var offset = reader.ReadInt64();
                        var metadata = reader.ReadString(compact: false);
                        return new CommittedOffset(offset, -1, metadata, reader.ReadInt64());
                    }
                case 1:
                    {
                        var offset = reader.ReadInt64();
                        var metadata = reader.ReadString(compact: false);
                        var commitTimestamp = reader.ReadInt64();
                        reader.ReadInt64();
                        return new CommittedOffset(offset, -1, metadata, commitTimestamp);
                    }
                case 3:
                    {
                        var offset = reader.ReadInt64();
                        var leaderEpoch = reader.ReadInt32();
                        var metadata = reader.ReadString(compact: false);
                        return new CommittedOffset(offset, leaderEpoch, metadata, reader.ReadInt64());
                    }
                default:
                    throw new InvalidDataException($"Offset commit value version {version} is not known.");
            }
        }
        catch (KafkaProtocolException ex)
        {
            throw new InvalidDataException($"Offset commit value is malformed: {ex.Message}", ex);
        }
    }
}
