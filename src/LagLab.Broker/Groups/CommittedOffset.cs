namespace LagLab.Broker.Groups;

/// <summary>What a group committed for one partition (the offset commit value's fields).</summary>
internal sealed record CommittedOffset(long Offset, int LeaderEpoch, string Metadata, long CommitTimestampMs);
