namespace LagLab.Broker.Groups;

/// <summary>One row of ListGroups.</summary>
internal sealed record GroupOverview(string GroupId, string ProtocolType, GroupState State);
