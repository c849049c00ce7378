using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.DeleteGroups;

/// <summary>DeleteGroups response (key 42), versions 0-1. throttle_time_ms is first at every version.</summary>
public sealed record DeleteGroupsResponse(IReadOnlyList<DeleteGroupsResponse.DeletableGroupResult> Results, int ThrottleTimeMs = 0)
    : IKafkaMessage<DeleteGroupsResponse>
{
    /// <summary>NON_EMPTY_GROUP when the group still has members, GROUP_ID_NOT_FOUND when unknown.</summary>
    public sealed record DeletableGroupResult(string GroupId, ErrorCode ErrorCode);

    public static DeleteGroupsResponse Read(ref KafkaReader reader, short version)
    {
        var throttle = reader.ReadInt32();
        var count = reader.ReadNonNullArrayLength(compact: false);
        var results = new List<DeletableGroupResult>(count);
        for (var i = 0; i < count; i++)
        {
            results.Add(new DeletableGroupResult(reader.ReadString(compact: false), (ErrorCode)reader.ReadInt16()));
        }
        return new DeleteGroupsResponse(results, throttle);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteInt32(ThrottleTimeMs);
        writer.WriteArrayLength(Results.Count, compact: false);
        foreach (var result in Results)
        {
            writer.WriteString(result.GroupId, compact: false);
            writer.WriteInt16(result.ErrorCode);
        }
    }
}
