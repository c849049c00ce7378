using LagLab.Protocol.Primitives;

namespace LagLab.Protocol.Messages.DescribeGroups;

/// <summary>DescribeGroups request (key 15), versions 0-4. include_authorized_operations from v3.</summary>
public sealed record DescribeGroupsRequest(IReadOnlyList<string> Groups, bool IncludeAuthorizedOperations = false)
    : IKafkaRequest<DescribeGroupsRequest, DescribeGroupsResponse>
{
    public static ApiKey ApiKey => ApiKey.DescribeGroups;

    public static DescribeGroupsRequest Read(ref KafkaReader reader, short version)
    {
        var groups = reader.ReadStringArray();
        var includeOperations = version >= 3 && reader.ReadBoolean();
        return new DescribeGroupsRequest(groups, includeOperations);
    }

    public void Write(ref KafkaWriter writer, short version)
    {
        writer.WriteStringArray(Groups);
        if (version >= 3)
        {
            writer.WriteBoolean(IncludeAuthorizedOperations);
        }
    }
}
