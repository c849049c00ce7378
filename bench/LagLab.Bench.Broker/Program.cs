using System.Globalization;
using LagLab.Bench;
using LagLab.Bench.Broker;

// Usage: dotnet run -c Release --project bench/LagLab.Bench.Broker [-- --messages N] [--quick]
// The mock keeps at most 5 MiB per partition (older data is deleted), which bounds the counts: 60,000
// 100-byte records and 9,000 1 KiB records over 3 partitions stay under it.
var messages = 60_000;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--messages" && i + 1 < args.Length)
    {
        messages = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else if (args[i] == "--quick")
    {
        messages = 30_000;
    }
    else
    {
        Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: [--messages N] [--quick]");
        return 2;
    }
}

var results = new List<ThroughputResult>();
foreach (var size in new[] { 100, 1024 })
{
    var count = size == 100 ? messages : messages * 3 / 20;
    // Baseline first, then ours, per size: both measured in this run on this machine.
    await using (var mock = MockCluster.Start())
    {
        results.AddRange(await ThroughputRun.RunAsync("librdkafka mock", mock.BootstrapServers, size, count));
    }
    await using (var embedded = await LagLab.Broker.KafkaBroker.StartAsync(new LagLab.Broker.BrokerOptions { Port = 0, DefaultPartitions = 3 }))
    {
        results.AddRange(await ThroughputRun.RunAsync("laglab embedded", embedded.BootstrapServers, size, count));
    }
}

ResultTable.Print(results);
return 0;
