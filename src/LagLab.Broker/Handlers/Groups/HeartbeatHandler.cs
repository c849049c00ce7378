using LagLab.Broker.Groups;
using LagLab.Protocol.Messages.Heartbeat;

namespace LagLab.Broker.Handlers.Groups;

/// <summary>Heartbeat (key 12): REBALANCE_IN_PROGRESS while a join phase runs; group_instance_id from v3.</summary>
internal sealed class HeartbeatHandler(GroupCoordinator coordinator) : RequestHandler<HeartbeatRequest, HeartbeatResponse>
{
    protected override ValueTask<HeartbeatResponse?> HandleAsync(RequestContext context, HeartbeatRequest request, CancellationToken cancellationToken)
    {
        var error = coordinator.Heartbeat(request.GroupId, request.MemberId, context.ApiVersion >= 3 ? request.GroupInstanceId : null, request.GenerationId);
        return ValueTask.FromResult<HeartbeatResponse?>(new HeartbeatResponse(error));
    }
}
