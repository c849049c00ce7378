using System.Globalization;
using LagLab.Bench.Storage;
using LagLab.Protocol.Records;

// Usage: dotnet run -c Release --project bench/LagLab.Bench.Storage [-- --megabytes N] [--quick]
var megabytes = 256;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--megabytes" && i + 1 < args.Length)
    {
        megabytes = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--quick")
    {
        megabytes = 32;
    }
    else
    {
        Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: [--megabytes N] [--quick]");
        return 2;
    }
}

var time = TimeProvider.System;
var directory = Path.Combine(Path.GetTempPath(), "laglab-bench-storage", Guid.NewGuid().ToString("N"));
try
{
    // A librdkafka-sized batch (1000 records of 100 bytes, ~110 KB) and a small one (10 records of 1 KiB).
    // The first, small round only warms the JIT up (tiered compilation) and is not printed.
    foreach (var (records, recordSize, warmUp) in new[] { (1000, 100, true), (1000, 100, false), (10, 1024, true), (10, 1024, false) })
    {
        var batches = Generate((warmUp ? Math.Max(megabytes / 8, 1) : megabytes) * 1024L * 1024, records, recordSize);
        var results = new List<StorageResult>
        {
            StoragePasses.Copy(batches),
            StoragePasses.Crc(batches),
        };
        var round = warmUp ? "warmup" : "measured";
        using (var memory = StoragePasses.InMemory(time))
        {
            results.Add(StoragePasses.Append("append, memory", memory, batches));
            results.Add(StoragePasses.Read("read 1 MiB fetches, memory", memory, batches));
        }
        using (var disk = StoragePasses.OnDisk(Path.Combine(directory, $"noflush-{records}-{round}-0"), 0, time))
        {
            results.Add(StoragePasses.Append("append, disk (no fsync)", disk, batches));
            results.Add(StoragePasses.Read("read 1 MiB fetches, disk", disk, batches));
        }
        var synced = batches.Take(Math.Min(batches.Count, warmUp ? 20 : 500)).ToList();
        using (var disk = StoragePasses.OnDisk(Path.Combine(directory, $"fsync-{records}-{round}-0"), 1, time))
        {
            results.Add(StoragePasses.Append($"append, disk, fsync per batch ({synced.Count} batches)", disk, synced));
        }
        if (!warmUp)
        {
            Print(records, recordSize, batches[0].Length, results);
        }
    }
}
finally
{
    if (Directory.Exists(directory))
    {
        Directory.Delete(directory, recursive: true);
    }
}
return 0;

static List<byte[]> Generate(long totalBytes, int records, int recordSize)
{
    var value = new byte[recordSize];
    Random.Shared.NextBytes(value);
    var builder = new RecordBatchBuilder();
    for (var i = 0; i < records; i++)
    {
        builder.Add(null, value, 1_700_000_000_000 + i);
    }
    var template = builder.Build();
    var count = (int)Math.Max(1, totalBytes / template.Length);
    return Enumerable.Range(0, count).Select(_ => template.ToArray()).ToList();
}

static void Print(int records, int recordSize, int batchSize, List<StorageResult> results)
{
    var culture = CultureInfo.InvariantCulture;
    var baseline = results[0];
    Console.WriteLine();
    Console.WriteLine(string.Format(culture, "Batches of {0} records x {1} B ({2:N0} B each), {3:N0} batches, {4:N0} MiB:", records, recordSize, batchSize, baseline.Batches, baseline.Bytes / (1024 * 1024)));
    Console.WriteLine("| operation | MiB/s | batches/s | vs memory copy |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var result in results)
    {
        Console.WriteLine(string.Format(culture, "| {0} | {1:N0} | {2:N0} | {3:N2}x |",
            result.Operation, result.MegabytesPerSecond, result.BatchesPerSecond, result.MegabytesPerSecond / baseline.MegabytesPerSecond));
    }
}
