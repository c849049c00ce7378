using LagLab.Monitor.Model;

namespace LagLab.Monitor.Analysis;

/// <summary>
/// Turns each <see cref="ClusterSnapshot"/> into a <see cref="MonitorView"/>: offset lag, time lag,
/// status over the sliding window, predictions. Keeps per-partition state between cycles and forgets
/// groups and partitions as soon as they are gone. Not thread-safe: one collection loop calls it.
/// </summary>
internal sealed class LagAnalyzer(AnalyzerOptions options, IRecordTimestampReader? reader = null)
{
    private readonly Dictionary<TopicPartition, OffsetTimeline> _timelines = [];
    private readonly Dictionary<(string Group, TopicPartition Partition), PartitionWindow> _windows = [];
    private readonly ExactTimestampCache _exact = new();
    private int _cycle;
    private KeyValuePair<TopicPartition, long?>[] _sorted = [];

    public int TrackedTimelines => _timelines.Count;

    public int TrackedWindows => _windows.Count;

    public int CachedTimestamps => _exact.Count;

    public async Task<MonitorView> AnalyzeAsync(ClusterSnapshot snapshot, CancellationToken cancellationToken)
    {
        RecordTimelines(snapshot);
        var exact = await ReadExactTimestampsAsync(snapshot, cancellationToken);
        var groups = new List<GroupView>(snapshot.Groups.Count);
        _cycle++;
        foreach (var group in snapshot.Groups.Values.OrderBy(g => g.GroupId, StringComparer.Ordinal))
        {
            groups.Add(AnalyzeGroup(snapshot, group, exact));
        }
        // Windows are marked with the cycle that used them (a set of 100,000 live keys per cycle cost more).
        foreach (var (key, window) in _windows)
        {
            if (window.Cycle != _cycle)
            {
                _windows.Remove(key);
            }
        }
        var partitions = snapshot.Partitions
            .OrderBy(p => p.Key)
            .Select(p => new TopicPartitionView(p.Key.Topic, p.Key.Partition, p.Value.Earliest, p.Value.Latest))
            .ToList();
        return new MonitorView(snapshot.Time, groups, partitions);
    }

    private void RecordTimelines(ClusterSnapshot snapshot)
    {
        foreach (var (partition, offsets) in snapshot.Partitions)
        {
            if (!_timelines.TryGetValue(partition, out var timeline))
            {
                timeline = new OffsetTimeline(options.TimelineCapacity);
                _timelines[partition] = timeline;
            }
            timeline.Record(offsets.Latest, snapshot.Time);
        }
        foreach (var partition in _timelines.Keys)
        {
            if (!snapshot.Partitions.ContainsKey(partition))
            {
                _timelines.Remove(partition);
            }
        }
    }

    private async Task<Dictionary<(TopicPartition, long), RecordTimestamp>> ReadExactTimestampsAsync(ClusterSnapshot snapshot, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(TopicPartition, long), RecordTimestamp>();
        if (reader is null || options.TimeLagMode == TimeLagMode.Estimate)
        {
            return found;
        }
        var inUse = new HashSet<(TopicPartition, long)>();
        var reads = 0;
        foreach (var group in snapshot.Groups.Values)
        {
            foreach (var (partition, committedOrNull) in group.Committed)
            {
                if (committedOrNull is not { } committed
                    || !snapshot.Partitions.TryGetValue(partition, out var offsets)
                    || committed >= offsets.Latest
                    || committed < offsets.Earliest
                    || !inUse.Add((partition, committed)))
                {
                    continue;
                }
                if (options.TimeLagMode == TimeLagMode.Auto
                    && _timelines[partition].Estimate(committed, snapshot.Time).Method == TimeLagMethod.Interpolated)
                {
                    continue;
                }
                if (!_exact.TryGet(partition, committed, out var cached))
                {
                    if (reads >= options.ExactReadsPerCycle)
                    {
                        continue;
                    }
                    reads++;
                    cached = await reader.ReadAsync(partition, committed, cancellationToken);
                    _exact.Set(partition, committed, cached);
                }
                if (cached is { } value)
                {
                    found[(partition, committed)] = value;
                }
            }
        }
        _exact.Retain(inUse);
        return found;
    }

    private GroupView AnalyzeGroup(
        ClusterSnapshot snapshot,
        GroupSnapshot group,
        Dictionary<(TopicPartition, long), RecordTimestamp> exact)
    {
        var partitions = new List<PartitionView>(group.Committed.Count);
        var owners = group.Owners();
        // Sorted in a buffer reused across groups and cycles (OrderBy allocated three arrays per group).
        var count = group.Committed.Count;
        if (_sorted.Length < count)
        {
            _sorted = new KeyValuePair<TopicPartition, long?>[count];
        }
        var i = 0;
        foreach (var entry in group.Committed)
        {
            _sorted[i++] = entry;
        }
        Array.Sort(_sorted, 0, count, PartitionOrder.Instance);
        foreach (var (partition, committed) in _sorted.AsSpan(0, count))
        {
            if (!snapshot.Partitions.TryGetValue(partition, out var offsets))
            {
                continue; // topic deleted or filtered out: the partition leaves the view
            }
            var key = (group.GroupId, partition);
            if (!_windows.TryGetValue(key, out var window))
            {
                window = new PartitionWindow(options.StatusWindow);
                _windows[key] = window;
            }
            window.Cycle = _cycle;
            partitions.Add(AnalyzePartition(snapshot, owners.GetValueOrDefault(partition), partition, committed, offsets, window, exact));
        }
        Array.Clear(_sorted, 0, count); // holds no snapshot alive until the next cycle
        return Summarize(group, partitions);
    }

    private PartitionView AnalyzePartition(
        ClusterSnapshot snapshot,
        GroupMember? owner,
        TopicPartition partition,
        long? committed,
        PartitionOffsets offsets,
        PartitionWindow window,
        Dictionary<(TopicPartition, long), RecordTimestamp> exact)
    {
        var lag = committed is { } c ? Math.Max(0, offsets.Latest - c) : (long?)null;
        window.Add(new PartitionSample(snapshot.Time, committed, offsets.Latest));
        var verdict = StatusEvaluator.Evaluate(window.Samples, owner is not null, options.AllowedLag, options.MinSamples);
        var dataLoss = committed is { } lost && lost < offsets.Earliest;

        var timeLag = TimeLag.Unknown;
        if (committed is { } position)
        {
            timeLag = lag == 0
                ? TimeLag.CaughtUp
                : exact.TryGetValue((partition, position), out var record)
                    ? new TimeLag(Math.Max(0, (snapshot.Time - record.Timestamp).TotalSeconds), TimeLagMethod.Exact)
                    : _timelines[partition].Estimate(position, snapshot.Time);
        }

        var samples = window.Samples;
        var growth = committed is null ? 0 : LinearTrend.LagSlopePerSecond(samples);
        var consumeRate = 0.0;
        if (samples.Length >= 2 && samples[0].Committed is { } from && samples[^1].Committed is { } to)
        {
            var seconds = (samples[^1].Time - samples[0].Time).TotalSeconds;
            consumeRate = seconds > 0 ? Math.Max(0, to - from) / seconds : 0;
        }

        double? margin = null;
        if (committed is not null && snapshot.TopicRetention.TryGetValue(partition.Topic, out var retention))
        {
            margin = dataLoss ? 0
                : lag == 0 ? retention.TotalSeconds
                : timeLag.IsKnown ? Math.Max(0, retention.TotalSeconds - timeLag.Seconds)
                : null;
        }

        return new PartitionView(
            partition.Topic,
            partition.Partition,
            committed,
            offsets.Latest,
            offsets.Earliest,
            lag,
            timeLag.IsKnown ? timeLag.Seconds : null,
            timeLag.Method,
            verdict.Status,
            verdict.Complete,
            owner?.MemberId,
            NoCommit: committed is null,
            dataLoss,
            growth,
            consumeRate,
            margin);
    }

    private GroupView Summarize(GroupSnapshot group, List<PartitionView> partitions)
    {
        long lagSum = 0, lagMax = 0;
        double? timeLagMax = null;
        double growth = 0;
        var status = ConsumerStatus.Ok;
        var complete = true;
        var dataLoss = false;
        var noCommit = 0;
        foreach (var p in partitions)
        {
            if (p.Lag is not { } lag)
            {
                noCommit++;
                continue;
            }
            lagSum += lag;
            lagMax = Math.Max(lagMax, lag);
            if (p.TimeLagSeconds is { } seconds)
            {
                timeLagMax = Math.Max(timeLagMax ?? 0, seconds);
            }
            growth += p.GrowthPerSecond;
            status = p.Status > status ? p.Status : status;
            complete &= p.Complete;
            dataLoss |= p.DataLoss;
        }
        if (lagSum == 0 && timeLagMax is null && partitions.Count > noCommit)
        {
            timeLagMax = 0;
        }
        double? drain = lagSum == 0 ? 0 : growth < 0 ? lagSum / -growth : null;
        var breaches = options.BreachThresholds.Select(t => new BreachForecast(t, TimeToBreach(partitions, t))).ToList();
        var members = group.Members
            .Select(m => new MemberView(m.MemberId, m.ClientId, m.Host, m.Assignment.Order().Select(a => a.ToString()).ToList()))
            .ToList();
        return new GroupView(group.GroupId, group.State, status, complete, members, lagSum, lagMax, timeLagMax, growth, drain, breaches, dataLoss, noCommit, partitions);
    }

    private static double? TimeToBreach(List<PartitionView> partitions, double threshold)
    {
        double? soonest = null;
        foreach (var p in partitions)
        {
            if (p.Lag is not { } lag)
            {
                continue;
            }
            double? eta = lag > threshold ? 0 : p.GrowthPerSecond > 0 ? (threshold - lag) / p.GrowthPerSecond : null;
            if (eta is { } value && (soonest is null || value < soonest))
            {
                soonest = value;
            }
        }
        return soonest;
    }
}
