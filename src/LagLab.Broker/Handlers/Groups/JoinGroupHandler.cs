using LagLab.Broker.Groups;
using LagLab.Protocol.Messages.JoinGroup;

namespace LagLab.Broker.Handlers.Groups;

/// <summary>
/// JoinGroup (key 11): parks until the coordinator ends the join phase. v0 has no rebalance timeout (the
/// session timeout stands in), v4+ asks dynamic members to come back with a member id, v5 carries the
/// static instance id.
/// </summary>
internal sealed class JoinGroupHandler(GroupCoordinator coordinator) : RequestHandler<JoinGroupRequest, JoinGroupResponse>
{
    protected override async ValueTask<JoinGroupResponse?> HandleAsync(RequestContext context, JoinGroupRequest request, CancellationToken cancellationToken)
    {
        var version = context.ApiVersion;
        // The request is a slice of a pooled frame: keep copies of what the group stores.
        var protocols = request.Protocols.Select(p => new MemberProtocol(p.Name, p.Metadata.ToArray())).ToArray();
        var command = new JoinGroupCommand(
            request.GroupId,
            request.MemberId,
            version >= 5 ? request.GroupInstanceId : null,
            RequireKnownMemberId: version >= 4,
            context.ClientId,
            context.ClientHost,
            version >= 1 ? request.RebalanceTimeoutMs : request.SessionTimeoutMs,
            request.SessionTimeoutMs,
            request.ProtocolType,
            protocols);
        var result = await coordinator.JoinGroupAsync(command).WaitAsync(cancellationToken);
        return new JoinGroupResponse(
            result.Error,
            result.GenerationId,
            result.ProtocolName ?? string.Empty,
            result.LeaderId,
            result.MemberId,
            result.Members.Select(m => new JoinGroupResponse.Member(m.MemberId, m.Metadata, m.GroupInstanceId)).ToArray());
    }
}
