using LagLab.Broker.Groups;
using LagLab.Protocol.Messages.SyncGroup;

namespace LagLab.Broker.Handlers.Groups;

/// <summary>SyncGroup (key 14): followers park until the leader's assignment is stored; group_instance_id from v3.</summary>
internal sealed class SyncGroupHandler(GroupCoordinator coordinator) : RequestHandler<SyncGroupRequest, SyncGroupResponse>
{
    protected override async ValueTask<SyncGroupResponse?> HandleAsync(RequestContext context, SyncGroupRequest request, CancellationToken cancellationToken)
    {
        var assignments = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var assignment in request.Assignments)
        {
            assignments[assignment.MemberId] = assignment.Data.ToArray();
        }
        var command = new SyncGroupCommand(request.GroupId, request.GenerationId, request.MemberId,
            context.ApiVersion >= 3 ? request.GroupInstanceId : null, assignments);
        var result = await coordinator.SyncGroupAsync(command).WaitAsync(cancellationToken);
        return new SyncGroupResponse(result.Error, result.Assignment);
    }
}
