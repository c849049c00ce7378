using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.FindCoordinator;

/// <summary>FindCoordinator request (key 10), versions 0-2. key_type (0 group, 1 transaction) from v1.</summary>
public sealed record FindCoordinatorRequest(string Key, sbyte KeyType = 0)
    : IKafkaRequest<FindCoordinatorRequest, FindCoordinatorResponse>
{
    public static ApiKey ApiKey => ApiKey.FindCoordinator;

    public static FindCoordinatorRequest Read(ref KafkaReader reader, short version)
    {
        var key = reader.ReadString(compact: false);
        var keyType = version >= 1 ? reader.ReadInt8() : (sbyte)0;
        return new FindCoordinatorRequest(key, keyType);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteString(Key, compact: false);
        if (version >= 1)
        {
            writer.WriteInt8(KeyType);
        }
    }
}
