using System.Diagnostics;
using LagLab.Broker.Producers;
using LagLab.Broker.Storage;
using LagLab.Broker.Topics;
using LagLab.Protocol.Records;

namespace LagLab.Bench.Storage;

/// <summary>The timed passes. Each returns one result over the same batches.</summary>
internal static class StoragePasses
{
    private const int ReadSize = 1024 * 1024;

    private static readonly TopicConfig Config = new() { RetentionMs = -1, RetentionBytes = -1, SegmentBytes = 128L * 1024 * 1024, MaxMessageBytes = int.MaxValue };

    /// <summary>The floor: copying the same bytes into memory once.</summary>
    public static StorageResult Copy(IReadOnlyList<byte[]> batches)
    {
        var target = new byte[64 * 1024 * 1024];
        Array.Fill(target, (byte)1); // touch every page before timing
        var position = 0;
        return Time("memory copy (baseline)", batches, () =>
        {
            foreach (var batch in batches)
            {
                if (position + batch.Length > target.Length)
                {
                    position = 0;
                }
                batch.CopyTo(target.AsSpan(position));
                position += batch.Length;
            }
        });
    }

    public static StorageResult Crc(IReadOnlyList<byte[]> batches) =>
        Time("CRC-32C check", batches, () =>
        {
            foreach (var batch in batches)
            {
                if (!RecordBatchHeader.IsCrcValid(batch))
                {
                    throw new InvalidOperationException("Bad CRC in a generated batch.");
                }
            }
        });

    public static StorageResult Append(string operation, Partition partition, IReadOnlyList<byte[]> batches) =>
        Time(operation, batches, () =>
        {
            foreach (var batch in batches)
            {
                var result = partition.Append(batch);
                if (result.Error != LagLab.Protocol.ErrorCode.None)
                {
                    throw new InvalidOperationException($"Append failed: {result.Error} {result.ErrorMessage}");
                }
            }
        });

    /// <summary>Reads the whole log in 1 MiB fetches and copies each chunk out, as a Fetch response does.</summary>
    public static StorageResult Read(string operation, Partition partition, IReadOnlyList<byte[]> batches)
    {
        var output = new byte[ReadSize * 2];
        return Time(operation, batches, () =>
        {
            var offset = partition.LogStartOffset;
            while (offset < partition.LogEndOffset)
            {
                var read = partition.Read(offset, ReadSize);
                var position = 0;
                foreach (var chunk in read.Chunks)
                {
                    chunk.Span.CopyTo(output.AsSpan(position));
                    position += chunk.Length;
                }
                offset = LastOffset(read.Chunks[^1]) + 1;
            }
        });
    }

    public static Partition InMemory(TimeProvider time) =>
        new("bench", 0, new MemoryLog(Config.ToLogConfig(0), time), Config, null, time);

    public static Partition OnDisk(string directory, long flushIntervalMessages, TimeProvider time) =>
        new("bench", 0, FileLog.Open(directory, Config.ToLogConfig(flushIntervalMessages), time), Config, new ProducerSnapshotStore(directory), time);

    private static long LastOffset(ReadOnlyMemory<byte> chunk)
    {
        var last = RecordBatchReader.SplitBatches(chunk).Last();
        return RecordBatchHeader.Read(last.Span).LastOffset;
    }

    private static StorageResult Time(string operation, IReadOnlyList<byte[]> batches, Action pass)
    {
        var started = Stopwatch.GetTimestamp();
        pass();
        return new StorageResult(operation, batches.Sum(b => (long)b.Length), batches.Count, Stopwatch.GetElapsedTime(started));
    }
}
