using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.DeleteGroups;

/// <summary>DeleteGroups request (key 42), versions 0-1 (identical on the wire).</summary>
public sealed record DeleteGroupsRequest(IReadOnlyList<string> GroupsNames)
    : IKafkaRequest<DeleteGroupsRequest, DeleteGroupsResponse>
{
    public static ApiKey ApiKey => ApiKey.DeleteGroups;

    public static DeleteGroupsRequest Read(ref KafkaReader reader, short version)
    {
        var count = reader.ReadNonNullArrayLength(compact: false);
        var groups = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            groups.Add(reader.ReadString(compact: false));
        }
        return new DeleteGroupsRequest(groups);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteArrayLength(GroupsNames.Count, compact: false);
        foreach (var group in GroupsNames)
        {
            writer.WriteString(group, compact: false);
        }
    }
}
