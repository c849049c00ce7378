using LagLab.Broker.Groups;
using LagLab.Protocol;
using LagLab.Protocol.Messages.ListGroups;

namespace LagLab.Broker.Handlers.Groups;

/// <summary>ListGroups (key 16), v0-4: every group, with its state and the v4 state filter (KIP-518).</summary>
internal sealed class ListGroupsHandler(GroupCoordinator coordinator) : RequestHandler<ListGroupsRequest, ListGroupsResponse>
{
    protected override ValueTask<ListGroupsResponse?> HandleAsync(RequestContext context, ListGroupsRequest request, CancellationToken cancellationToken)
    {
        var version = context.ApiVersion;
        var groups = coordinator.ListGroups(version >= 4 ? request.StatesFilter : [])
            .Select(g => new ListGroupsResponse.ListedGroup(g.GroupId, g.ProtocolType, version >= 4 ? g.State.ToString() : string.Empty))
            .ToArray();
        return ValueTask.FromResult<ListGroupsResponse?>(new ListGroupsResponse(ErrorCode.None, groups));
    }
}
