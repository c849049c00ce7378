namespace LagLab.Bench.Storage;

/// <summary>One timed pass over <see cref="Bytes"/> bytes in <see cref="Batches"/> batches.</summary>
internal sealed record StorageResult(string Operation, long Bytes, int Batches, TimeSpan Elapsed)
{
    public double MegabytesPerSecond => Bytes / Elapsed.TotalSeconds / (1024 * 1024);

    public double BatchesPerSecond => Batches / Elapsed.TotalSeconds;
}
