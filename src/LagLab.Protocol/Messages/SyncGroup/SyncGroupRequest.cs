using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.SyncGroup;

/// <summary>
/// SyncGroup request (key 14), versions 0-3. group_instance_id from v3. Only the leader sends assignments;
/// followers send an empty list.
/// </summary>
public sealed record SyncGroupRequest(
    string GroupId,
    int GenerationId,
    string MemberId,
    IReadOnlyList<SyncGroupRequest.Assignment> Assignments,
    string? GroupInstanceId = null)
    : IKafkaRequest<SyncGroupRequest, SyncGroupResponse>
{
    /// <summary>The leader's assignment for one member; opaque here (see Groups/ConsumerProtocolAssignment).</summary>
    public sealed record Assignment(string MemberId, ReadOnlyMemory<byte> Data);

    public static ApiKey ApiKey => ApiKey.SyncGroup;

    public static SyncGroupRequest Read(ref KafkaReader reader, short version)
    {
        var groupId = reader.ReadString(compact: false);
        var generationId = reader.ReadInt32();
        var memberId = reader.ReadString(compact: false);
        var instanceId = version >= 3 ? reader.ReadNullableString(compact: false) : null;
        var assignments = reader.ReadArray(version, static (ref KafkaReader r, short _) =>
            new Assignment(r.ReadString(compact: false), r.ReadBytes(compact: false)));
        return new SyncGroupRequest(groupId, generationId, memberId, assignments, instanceId);
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
        writer.WriteArray(Assignments, version, static (ref KafkaWriter w, Assignment assignment, short _) =>
        {
            w.WriteString(assignment.MemberId, compact: false);
            w.WriteBytes(assignment.Data.Span, compact: false);
        });
    }
}
