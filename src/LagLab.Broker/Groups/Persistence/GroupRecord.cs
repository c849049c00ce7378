namespace LagLab.Broker.Groups.Persistence;

/// <summary>One record for <c>__consumer_offsets</c>: its key and encoded value; a null value is a tombstone.</summary>
internal readonly record struct GroupRecord(GroupRecordKey Key, byte[]? Value);
