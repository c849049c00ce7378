namespace LagLab.Broker.Groups;

/// <summary>A member named in LeaveGroup: by member id, or (v3, admin removal) by instance id with an empty member id.</summary>
internal sealed record MemberIdentity(string MemberId, string? GroupInstanceId);
