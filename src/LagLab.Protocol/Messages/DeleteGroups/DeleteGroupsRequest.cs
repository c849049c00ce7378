using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.DeleteGroups;

/// <summary>DeleteGroups request (key 42), versions 0-1 (identical on the wire).</summary>
public sealed record DeleteGroupsRequest(IReadOnlyList<string> GroupsNames)
    : IKafkaRequest<DeleteGroupsRequest, DeleteGroupsResponse>
{
    public static ApiKey ApiKey => ApiKey.DeleteGroups;

    public static DeleteGroupsRequest Read(ref KafkaReader reader, short version)
    {
        var groups = reader.ReadStringArray();
        return new DeleteGroupsRequest(groups);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteStringArray(GroupsNames);
    }
}
