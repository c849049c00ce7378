using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.DescribeGroups;

/// <summary>DescribeGroups request (key 15), versions 0-4. include_authorized_operations from v3.</summary>
public sealed record DescribeGroupsRequest(IReadOnlyList<string> Groups, bool IncludeAuthorizedOperations = false)
    : IKafkaRequest<DescribeGroupsRequest, DescribeGroupsResponse>
{
    public static ApiKey ApiKey => ApiKey.DescribeGroups;

    public static DescribeGroupsRequest Read(ref KafkaReader reader, short version)
    {
        var count = reader.ReadNonNullArrayLength(compact: false);
        var groups = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            groups.Add(reader.ReadString(compact: false));
        }
        var includeOperations = version >= 3 && reader.ReadBoolean();
        return new DescribeGroupsRequest(groups, includeOperations);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteArrayLength(Groups.Count, compact: false);
        foreach (var group in Groups)
        {
            writer.WriteString(group, compact: false);
        }
        if (version >= 3)
        {
            writer.WriteBoolean(IncludeAuthorizedOperations);
        }
    }
}
