namespace LagLab.Broker.Groups.Persistence;

/// <summary>One record for <c>__consumer_offsets</c>: an encoded key and value; a null value is a tombstone.</summary>
internal readonly record struct GroupRecord(byte[] Key, byte[]? Value);
