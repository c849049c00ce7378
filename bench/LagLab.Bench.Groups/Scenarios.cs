using System.Diagnostics;
using Confluent.Kafka;

namespace LagLab.Bench.Groups;

/// <summary>The measured scenarios. Times are milliseconds on one clock shared by every member of a run.</summary>
internal static class Scenarios
{
    public const int Partitions = 32;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>From one member joining (or leaving; for static members: restarting) to a balanced group again.</summary>
    public static async Task<double> RebalanceAsync(Target target, Settings settings, Strategy strategy, int members, bool join)
    {
        var (setup, clock) = await NewSetupAsync(target, settings, strategy, Partitions);
        var live = new List<BenchMember>();
        var initial = join ? members - 1 : members;
        for (var i = 0; i < initial; i++)
        {
            live.Add(Start(setup, i));
        }
        await WaitBalancedAsync(setup, live);
        await Task.Delay(settings.HeartbeatIntervalMs);

        var start = clock.Elapsed.TotalMilliseconds;
        if (join)
        {
            live.Add(Start(setup, initial));
        }
        else
        {
            var leaving = live[^1];
            leaving.Stop();
            live.Remove(leaving);
            if (strategy == Strategy.Static)
            {
                live.Add(Start(setup, initial - 1, restart: true));
            }
        }
        await WaitBalancedAsync(setup, live);
        var elapsed = clock.Elapsed.TotalMilliseconds - start;
        StopAll(live);
        return elapsed;
    }

    /// <summary>Every member restarted in turn, waiting for balance after each: how long each partition had no owner.</summary>
    public static async Task<(double Max, double Mean, double Total)> RollingRestartAsync(Target target, Settings settings, Strategy strategy, int members, int partitions)
    {
        var (setup, clock) = await NewSetupAsync(target, settings, strategy, partitions);
        var live = Enumerable.Range(0, members).Select(i => Start(setup, i)).ToList();
        await WaitBalancedAsync(setup, live);
        await Task.Delay(settings.HeartbeatIntervalMs);

        var start = clock.Elapsed.TotalMilliseconds;
        for (var i = 0; i < members; i++)
        {
            live[i].Stop();
            live[i] = Start(setup, i, restart: true);
            await WaitBalancedAsync(setup, live);
        }
        var end = clock.Elapsed.TotalMilliseconds;
        StopAll(live);
        var (max, mean) = setup.Ownership.Unowned(start, end);
        return (max, mean, end - start);
    }

    /// <summary>Synchronous commits per second from <paramref name="committers"/> consumers, each committing for its own group.</summary>
    public static async Task<double> CommitThroughputAsync(Target target, int committers, TimeSpan duration)
    {
        var topic = $"commits-{Guid.NewGuid():N}";
        await target.CreateTopicAsync(topic, committers);
        var counts = new long[committers];
        var threads = Enumerable.Range(0, committers).Select(i => new Thread(() =>
        {
            using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig
            {
                BootstrapServers = target.Bootstrap,
                GroupId = $"committer-{i}-{Guid.NewGuid():N}",
                EnableAutoCommit = false,
            }).SetLogHandler((_, _) => { }).Build();
            var partition = new TopicPartition(topic, i);
            consumer.Commit([new TopicPartitionOffset(partition, 0)]);
            var stopwatch = Stopwatch.StartNew();
            long offset = 1;
            while (stopwatch.Elapsed < duration)
            {
                consumer.Commit([new TopicPartitionOffset(partition, offset++)]);
            }
            counts[i] = offset - 1;
            consumer.Close();
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }
        foreach (var thread in threads)
        {
            thread.Join();
        }
        return counts.Sum() / duration.TotalSeconds;
    }

    private static async Task<(Setup Setup, Stopwatch Clock)> NewSetupAsync(Target target, Settings settings, Strategy strategy, int partitions)
    {
        var topic = $"bench-{Guid.NewGuid():N}";
        await target.CreateTopicAsync(topic, partitions);
        var clock = Stopwatch.StartNew();
        var setup = new Setup(target.Bootstrap, $"bench-{Guid.NewGuid():N}", topic, strategy, new Ownership(partitions),
            () => clock.Elapsed.TotalMilliseconds, settings.SessionTimeoutMs, settings.HeartbeatIntervalMs);
        return (setup, clock);
    }

    private static BenchMember Start(Setup setup, int index, bool restart = false) =>
        new(restart ? $"m{index}-{Guid.NewGuid():N}" : $"m{index}", setup, setup.Strategy == Strategy.Static ? $"pod-{index}" : null);

    private static async Task WaitBalancedAsync(Setup setup, List<BenchMember> live)
    {
        var names = live.Select(m => m.Name).ToHashSet();
        var waited = Stopwatch.StartNew();
        while (!setup.Ownership.IsBalanced(names))
        {
            if (waited.Elapsed > Limit)
            {
                throw new TimeoutException($"The group did not balance within {Limit}.");
            }
            await Task.Delay(2);
        }
    }

    private static void StopAll(List<BenchMember> live) =>
        Parallel.ForEach(live, member => member.Stop());
}
