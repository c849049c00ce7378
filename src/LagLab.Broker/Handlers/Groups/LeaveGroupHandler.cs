using LagLab.Broker.Groups;
using LagLab.Protocol;
using LagLab.Protocol.Messages.LeaveGroup;

namespace LagLab.Broker.Handlers.Groups;

/// <summary>
/// LeaveGroup (key 13): v0-2 name one member and carry its error at the top; v3 (KIP-345) is a batch by
/// member id or, with an empty member id, by instance id, with one error per member.
/// </summary>
internal sealed class LeaveGroupHandler(GroupCoordinator coordinator) : RequestHandler<LeaveGroupRequest, LeaveGroupResponse>
{
    protected override ValueTask<LeaveGroupResponse?> HandleAsync(RequestContext context, LeaveGroupRequest request, CancellationToken cancellationToken)
    {
        var batch = context.ApiVersion >= 3;
        IReadOnlyList<MemberIdentity> members = batch
            ? request.Members.Select(m => new MemberIdentity(m.MemberId, m.GroupInstanceId)).ToArray()
            : [new MemberIdentity(request.MemberId, null)];
        var result = coordinator.LeaveGroup(request.GroupId, members);
        if (!batch)
        {
            var error = result.Error != ErrorCode.None || result.Members.Count == 0 ? result.Error : result.Members[0].Error;
            return ValueTask.FromResult<LeaveGroupResponse?>(new LeaveGroupResponse(error));
        }
        return ValueTask.FromResult<LeaveGroupResponse?>(new LeaveGroupResponse(result.Error)
        {
            Members = result.Members.Select(m => new LeaveGroupResponse.MemberResponse(m.Member.MemberId, m.Member.GroupInstanceId, m.Error)).ToArray(),
        });
    }
}
