using LagLab.Monitor.Analysis;
using LagLab.Monitor.Model;

namespace LagLab.Monitor.Tests.EndToEnd;

/// <summary>
/// Cluster state that makes every rule and panel have something to show: a group far behind (exact time
/// lag ten minutes), a stalled group, a stopped group, a group that lost data, a caught-up group, and a
/// short retention.
/// It drives the monitor's HTTP side and its metrics in the end-to-end tests that check Prometheus,
/// Alertmanager and the dashboard page; the broker-backed tests check the collector itself.
/// </summary>
internal static class SyntheticCluster
{
    public static FakeClusterReader Reader(TimeProvider time, Func<long>? reconLag = null)
    {
        var cycle = 0L;
        return new FakeClusterReader(time)
        {
            Next = now =>
            {
                cycle++;
                var produced = 100_000 + (cycle * 50);
                var lag = reconLag?.Invoke() ?? 20_000;
                return new SnapshotBuilder()
                    .Partition("events", 0, latest: produced, earliest: 500)
                    .Partition("events", 1, latest: produced, earliest: 500)
                    .Retention("events", TimeSpan.FromMinutes(30))
                    .Group("recon").Member("recon", "m1", ("events", 0), ("events", 1))
                    .Commit("recon", "events", 0, produced - lag).Commit("recon", "events", 1, produced)
                    .Group("stalled").Member("stalled", "m2", ("events", 0)).Commit("stalled", "events", 0, 90_000)
                    .Group("stopped", "Empty").Commit("stopped", "events", 0, 80_000)
                    .Group("lost", "Empty").Commit("lost", "events", 0, 100)
                    .Group("caughtup").Member("caughtup", "m3", ("events", 1)).Commit("caughtup", "events", 1, produced)
                    .At(now);
            },
        };
    }

    /// <summary>Every record is ten minutes old, so exact time lag is 600 s.</summary>
    public static IRecordTimestampReader TenMinuteOldRecords(TimeProvider time) => new FixedAgeReader(time, TimeSpan.FromMinutes(10));

    public static MonitorOptions Options() => new()
    {
        BootstrapServers = "synthetic:9092",
        Listen = "127.0.0.1:0",
        Interval = TimeSpan.FromMilliseconds(200),
        TimeLagMode = TimeLagMode.Exact,
    };

    private sealed class FixedAgeReader(TimeProvider time, TimeSpan age) : IRecordTimestampReader
    {
        public Task<RecordTimestamp?> ReadAsync(TopicPartition partition, long offset, CancellationToken cancellationToken) =>
            Task.FromResult<RecordTimestamp?>(new RecordTimestamp(offset, time.GetUtcNow() - age));
    }
}
