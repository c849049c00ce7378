using System.Diagnostics;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using LagLab.Monitor;
using LagLab.Monitor.Alerting;
using LagLab.Monitor.Analysis;

namespace LagLab.Bench.Monitor;

/// <summary>
/// A live consumer keeps up with a steady producer, then stops (closes); measured: time until the monitor's
/// verdict is "stopped" and the KafkaConsumerGroupStopped alert is pending.
/// </summary>
internal static class DetectionLatency
{
    public static async Task<(double StoppedSeconds, double AlertSeconds)> MeasureAsync(string bootstrap, TimeSpan interval, TimeSpan window)
    {
        var topic = "detect-" + Guid.NewGuid().ToString("N")[..8];
        var group = topic + "-group";
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
        {
            await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = 1, ReplicationFactor = 1 }]);
        }
        await using var monitor = await LagMonitor.StartAsync(new MonitorOptions
        {
            BootstrapServers = bootstrap,
            Listen = "127.0.0.1:0",
            Interval = interval,
            StatusWindow = window,
            Groups = "^" + group + "$",
            TimeLagMode = TimeLagMode.Estimate,
        });
        using var stop = new CancellationTokenSource();
        var producing = Task.Run(async () =>
        {
            using var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 1 }).Build();
            while (!stop.IsCancellationRequested)
            {
                producer.Produce(topic, new Message<Null, byte[]> { Value = new byte[16] });
                await Task.Delay(5, CancellationToken.None);
            }
            producer.Flush(TimeSpan.FromSeconds(5));
        });
        using (var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap, GroupId = group, AutoOffsetReset = AutoOffsetReset.Earliest, AutoCommitIntervalMs = 200,
        }).Build())
        {
            consumer.Subscribe(topic);
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(3) + window;
            while (DateTime.UtcNow < until)
            {
                consumer.Consume(TimeSpan.FromMilliseconds(50));
            }
            consumer.Close();
        }
        var stoppedAt = Stopwatch.StartNew();
        double? stopped = null, alert = null;
        while ((stopped is null || alert is null) && stoppedAt.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (stopped is null && monitor.View.FindGroup(group)?.Status == ConsumerStatus.Stopped)
            {
                stopped = stoppedAt.Elapsed.TotalSeconds;
            }
            if (alert is null && monitor.Alerts.Any(a => a.Name == "KafkaConsumerGroupStopped" && a.Labels.GetValueOrDefault("group") == group))
            {
                alert = stoppedAt.Elapsed.TotalSeconds;
            }
            await Task.Delay(10);
        }
        await stop.CancelAsync();
        await producing;
        return (stopped ?? double.NaN, alert ?? double.NaN);
    }
}
