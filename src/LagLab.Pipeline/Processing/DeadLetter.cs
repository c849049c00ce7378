namespace LagLab.Pipeline.Processing;

/// <summary>A record that cannot be applied, with why and where it came from (written as headers on the dead-letter topic).</summary>
internal sealed record DeadLetter(string Topic, int Partition, long Offset, byte[]? Key, byte[]? Value, string Reason);
