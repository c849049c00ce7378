namespace LagLab.Protocol.Records;

/// <summary>One header of a record: a string key and nullable bytes.</summary>
public sealed record RecordHeader(string Key, ReadOnlyMemory<byte>? Value);
