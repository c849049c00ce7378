using Microsoft.Extensions.Logging;

namespace LagLab.Broker.Groups;

/// <summary>Every log line of the group coordinator, source-generated, with stable event ids (300-399).</summary>
internal static partial class GroupLog
{
    [LoggerMessage(300, LogLevel.Information, "Group {GroupId}: rebalance started from {FromState} at generation {GenerationId} with {MemberCount} members ({Reason})")]
    public static partial void RebalanceStarted(ILogger logger, string groupId, GroupState fromState, int generationId, int memberCount, string reason);

    [LoggerMessage(301, LogLevel.Information, "Group {GroupId}: generation {GenerationId} formed with {MemberCount} members, protocol {Protocol}, leader {LeaderId}")]
    public static partial void GenerationFormed(ILogger logger, string groupId, int generationId, int memberCount, string? protocol, string? leaderId);

    [LoggerMessage(302, LogLevel.Information, "Group {GroupId}: rebalance complete, Stable at generation {GenerationId} with {MemberCount} members")]
    public static partial void RebalanceCompleted(ILogger logger, string groupId, int generationId, int memberCount);

    [LoggerMessage(303, LogLevel.Information, "Group {GroupId}: empty at generation {GenerationId}")]
    public static partial void GroupEmpty(ILogger logger, string groupId, int generationId);

    [LoggerMessage(304, LogLevel.Information, "Group {GroupId}: member {MemberId} removed ({Reason})")]
    public static partial void MemberRemoved(ILogger logger, string groupId, string memberId, string reason);

    [LoggerMessage(305, LogLevel.Information, "Group {GroupId}: static member {GroupInstanceId} rejoined as {MemberId}, replacing {OldMemberId}")]
    public static partial void StaticMemberReplaced(ILogger logger, string groupId, string groupInstanceId, string memberId, string oldMemberId);

    [LoggerMessage(306, LogLevel.Information, "Group {GroupId}: members {MemberIds} did not send SyncGroup in time; removed")]
    public static partial void SyncExpired(ILogger logger, string groupId, string memberIds);

    [LoggerMessage(307, LogLevel.Warning, "Group {GroupId}: writing to __consumer_offsets failed")]
    public static partial void PersistFailed(ILogger logger, Exception exception, string groupId);

    [LoggerMessage(308, LogLevel.Information, "Loaded {GroupCount} groups and {OffsetCount} committed offsets from __consumer_offsets ({RecordCount} records)")]
    public static partial void Loaded(ILogger logger, int groupCount, int offsetCount, long recordCount);

    [LoggerMessage(309, LogLevel.Information, "Group {GroupId} deleted ({OffsetCount} offsets removed)")]
    public static partial void GroupDeleted(ILogger logger, string groupId, int offsetCount);

    [LoggerMessage(310, LogLevel.Error, "Group coordinator timer failed")]
    public static partial void TimerFailed(ILogger logger, Exception exception);

    [LoggerMessage(311, LogLevel.Warning, "Skipping unreadable __consumer_offsets record at partition {Partition} offset {Offset}: {Reason}")]
    public static partial void UnreadableRecord(ILogger logger, int partition, long offset, string reason);
}
