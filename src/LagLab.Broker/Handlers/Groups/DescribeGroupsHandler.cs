using LagLab.Broker.Groups;
using LagLab.Protocol;
using LagLab.Protocol.Messages.DescribeGroups;

namespace LagLab.Broker.Handlers.Groups;

/// <summary>
/// DescribeGroups (key 15), v0-4: state, protocol, members with client ids and hosts, and (Stable only)
/// their subscriptions and assignments. An unknown group is NONE with state Dead.
/// </summary>
internal sealed class DescribeGroupsHandler(GroupCoordinator coordinator) : RequestHandler<DescribeGroupsRequest, DescribeGroupsResponse>
{
    /// <summary>What a group ACL allows in Kafka (READ, DELETE, DESCRIBE), all granted here: no authorizer.</summary>
    private const int GroupOperations = (1 << 3) | (1 << 6) | (1 << 8);

    protected override ValueTask<DescribeGroupsResponse?> HandleAsync(RequestContext context, DescribeGroupsRequest request, CancellationToken cancellationToken)
    {
        var operations = context.ApiVersion >= 3 && request.IncludeAuthorizedOperations ? GroupOperations : DescribeGroupsResponse.AuthorizedOperationsOmitted;
        var groups = request.Groups.Select(groupId =>
        {
            var group = coordinator.DescribeGroup(groupId);
            var members = group.Members.Select(m => new DescribeGroupsResponse.Member(m.MemberId, m.ClientId, m.ClientHost, m.Metadata, m.Assignment, m.GroupInstanceId)).ToArray();
            return new DescribeGroupsResponse.DescribedGroup(ErrorCode.None, group.GroupId, group.State.ToString(), group.ProtocolType, group.ProtocolName, members, operations);
        }).ToArray();
        return ValueTask.FromResult<DescribeGroupsResponse?>(new DescribeGroupsResponse(groups));
    }
}
