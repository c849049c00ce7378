using LagLab.Broker.Groups;
using LagLab.Protocol.Messages.DeleteGroups;

namespace LagLab.Broker.Handlers.Groups;

/// <summary>DeleteGroups (key 42), v0-1: Empty groups only (NON_EMPTY_GROUP otherwise, GROUP_ID_NOT_FOUND when unknown).</summary>
internal sealed class DeleteGroupsHandler(GroupCoordinator coordinator) : RequestHandler<DeleteGroupsRequest, DeleteGroupsResponse>
{
    protected override async ValueTask<DeleteGroupsResponse?> HandleAsync(RequestContext context, DeleteGroupsRequest request, CancellationToken cancellationToken)
    {
        var results = await coordinator.DeleteGroupsAsync(request.GroupsNames).WaitAsync(cancellationToken);
        return new DeleteGroupsResponse(results.Select(r => new DeleteGroupsResponse.DeletableGroupResult(r.GroupId, r.Error)).ToArray());
    }
}
