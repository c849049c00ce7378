using LagLab.Protocol;

namespace LagLab.Broker.Groups;

/// <summary>The answer to a LeaveGroup: a top-level error and one error per member named.</summary>
internal sealed record LeaveGroupResult(ErrorCode Error, IReadOnlyList<(MemberIdentity Member, ErrorCode Error)> Members);
