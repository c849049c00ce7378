using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.Heartbeat;

/// <summary>Heartbeat request (key 12), versions 0-3. group_instance_id from v3.</summary>
public sealed record HeartbeatRequest(string GroupId, int GenerationId, string MemberId, string? GroupInstanceId = null)
    : IKafkaRequest<HeartbeatRequest, HeartbeatResponse>
{
    public static ApiKey ApiKey => ApiKey.Heartbeat;

    public static HeartbeatRequest Read(ref KafkaReader reader, short version)
    {
        var groupId = reader.ReadString(compact: false);
        var generationId = reader.ReadInt32();
        var memberId = reader.ReadString(compact: false);
        var instanceId = version >= 3 ? reader.ReadNullableString(compact: false) : null;
        return new HeartbeatRequest(groupId, generationId, memberId, instanceId);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteString(GroupId, compact: false);
        writer.WriteInt32(GenerationId);
        writer.WriteString(MemberId, compact: false);
        if (version >= 3)
        {
            writer.WriteNullableString(GroupInstanceId, compact: false);
        }
    }
}
