namespace LagLab.Broker.Groups;

/// <summary>
/// DescribeGroups output. Protocol, member metadata and assignments are only given in Stable, as Kafka does;
/// an unknown group is described as Dead with no members.
/// </summary>
internal sealed record GroupDescription(
    string GroupId,
    GroupState State,
    string ProtocolType,
    string ProtocolName,
    IReadOnlyList<GroupDescription.Member> Members)
{
    public sealed record Member(string MemberId, string? GroupInstanceId, string ClientId, string ClientHost, ReadOnlyMemory<byte> Metadata, ReadOnlyMemory<byte> Assignment);

    public static GroupDescription Dead(string groupId) => new(groupId, GroupState.Dead, string.Empty, string.Empty, []);
}
