namespace LagLab.Broker.Storage;

/// <summary>One problem <see cref="DataDirectoryVerifier"/> found in a segment's files, and what a repair does about it.</summary>
internal sealed record SegmentDamage(string File, long Position, string Problem, string Repair);
