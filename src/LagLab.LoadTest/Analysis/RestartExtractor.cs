using LagLab.LoadTest.Parts;
using LagLab.LoadTest.Results;

namespace LagLab.LoadTest.Analysis;

/// <summary>
/// Reads every restart of every instance out of what was recorded — the harness's process events, the pipelines' ready
/// and ownership lines, the bank's applied times per partition and its re-sent counter — and never out of the durations
/// the scenario imposed. A stop counts as a restart when the same slot starts a new process before its next stop.
/// </summary>
internal static class RestartExtractor
{
    /// <summary>How far after a stop re-sent requests are still counted when no other stop follows.</summary>
    public const double ResentWindowSeconds = 30;

    public static List<InstanceRestart> Extract(
        IReadOnlyList<FleetEvent> events,
        DateTimeOffset startedAt,
        IReadOnlyDictionary<int, double[]> applied,
        IReadOnlyList<RateSample> rates,
        IReadOnlyList<ActionRecord> actions)
    {
        var origin = startedAt.ToUnixTimeMilliseconds();
        var timed = events.Select(e => (T: (e.AtMs - origin) / 1000.0, Event: e)).OrderBy(e => e.T).ToList();
        var stops = timed.Where(e => e.Event.Kind == FleetEventKind.StopRequested).Select(e => e.T).ToList();
        var rebalances = Rebalances(timed);
        var restarts = new List<InstanceRestart>();
        foreach (var group in timed.GroupBy(e => e.Event.Instance, StringComparer.Ordinal))
        {
            var own = group.ToList();
            for (var i = 0; i < own.Count; i++)
            {
                if (own[i].Event.Kind != FleetEventKind.StopRequested)
                {
                    continue;
                }
                var t0 = own[i].T;
                var life = own.Skip(i + 1).TakeWhile(e => e.Event.Kind != FleetEventKind.StopRequested).ToList();
                if (life.FindIndex(e => e.Event.Kind == FleetEventKind.Started) is var s and >= 0)
                {
                    restarts.Add(One(group.Key, t0, own.Take(i).ToList(), life, s, applied, rates, actions, stops, rebalances));
                }
            }
        }
        return [.. restarts.OrderBy(r => r.StopRequested)];
    }

    private static InstanceRestart One(
        string instance, double t0, List<(double T, FleetEvent Event)> before, List<(double T, FleetEvent Event)> life, int startedIndex,
        IReadOnlyDictionary<int, double[]> applied, IReadOnlyList<RateSample> rates, IReadOnlyList<ActionRecord> actions,
        List<double> stops, List<RebalanceSpan> rebalances)
    {
        double? At(FleetEventKind kind, int from = 0) => life.Skip(from).Where(e => e.Event.Kind == kind).Select(e => (double?)e.T).FirstOrDefault();
        var exited = At(FleetEventKind.Exited);
        var started = life[startedIndex].T;
        var ready = At(FleetEventKind.Ready, startedIndex);
        var firstAssignment = life.Skip(startedIndex).Where(e => e.Event.Kind == FleetEventKind.Assigned)
            .OrderBy(e => e.Event.Partitions.Count == 0 ? 1 : 0).ThenBy(e => e.T).Select(e => ((double, FleetEvent)?)e).FirstOrDefault();
        var owned = before.LastOrDefault(e => e.Event.Kind is FleetEventKind.Assigned or FleetEventKind.Revoked or FleetEventKind.Lost).Event?.Owned ?? [];
        var gone = exited ?? t0;

        var partitions = owned.Order().Select(p =>
        {
            var times = applied.TryGetValue(p, out var list) ? list : [];
            var last = LastAtOrBefore(times, gone);
            var first = FirstAfter(times, gone);
            var from = Math.Max(last ?? t0, t0);
            return new RestartPartition(p, last, first, first - from);
        }).ToList();
        var back = partitions.Select(p => p.FirstApplied).Where(f => f is not null).Min();

        var phases = new List<RestartPhase>();
        void Phase(string name, double? from, double? to)
        {
            if (from is { } f && to is { } t && t >= f)
            {
                phases.Add(new RestartPhase(name, f, t));
            }
        }
        Phase(RestartPhase.Stop, t0, exited);
        Phase(RestartPhase.Replacement, exited, started);
        Phase(RestartPhase.Startup, started, ready);
        var assignedAt = firstAssignment?.Item1;
        var assigned = firstAssignment?.Item2.Partitions ?? [];
        Phase(RestartPhase.Join, ready ?? started, assignedAt);
        if (assignedAt is { } a)
        {
            Phase(RestartPhase.FirstRecord, a, assigned.Select(p => applied.TryGetValue(p, out var list) ? FirstAfter(list, a) : null).Where(f => f is not null).Min());
        }

        var windowEnd = stops.Where(s => s > t0).Select(s => (double?)s).FirstOrDefault() ?? t0 + ResentWindowSeconds;
        var cause = actions.Where(x => x.T <= t0 && x.End + 0.5 >= t0).OrderBy(x => x.T).LastOrDefault()?.Type ?? "restart";
        return new InstanceRestart(instance, cause, t0, phases, partitions, [.. assigned.Order()], back,
            [.. rebalances.Where(r => r.To >= t0 && r.From <= windowEnd)], Resent(rates, t0, windowEnd));
    }

    /// <summary>
    /// Rebalances from ownership lines: for each process that kept running, a revocation (or loss) and its next
    /// assignment are one member's part of a rebalance; overlapping parts of all members merge into one.
    /// A revocation the process made while stopping (an exit follows before any assignment) is not a rebalance.
    /// </summary>
    public static List<RebalanceSpan> Rebalances(IReadOnlyList<(double T, FleetEvent Event)> timed)
    {
        var parts = new List<(double From, double To)>();
        foreach (var group in timed.GroupBy(e => e.Event.Instance, StringComparer.Ordinal))
        {
            double? revokedAt = null;
            foreach (var (t, e) in group.OrderBy(x => x.T))
            {
                switch (e.Kind)
                {
                    case FleetEventKind.Revoked or FleetEventKind.Lost when e.Partitions.Count > 0:
                        revokedAt ??= t;
                        break;
                    case FleetEventKind.Assigned when revokedAt is { } from:
                        parts.Add((from, t));
                        revokedAt = null;
                        break;
                    case FleetEventKind.StopRequested or FleetEventKind.Exited or FleetEventKind.Started:
                        revokedAt = null;
                        break;
                }
            }
        }
        var merged = new List<RebalanceSpan>();
        foreach (var (from, to) in parts.OrderBy(p => p.From))
        {
            if (merged.Count > 0 && from <= merged[^1].To)
            {
                merged[^1] = merged[^1] with { To = Math.Max(merged[^1].To, to) };
                continue;
            }
            merged.Add(new RebalanceSpan(from, to));
        }
        return merged;
    }

    private static long Resent(IReadOnlyList<RateSample> rates, double from, double to)
    {
        long At(double t) => rates.LastOrDefault(r => r.T <= t)?.Duplicates ?? 0;
        return Math.Max(0, At(to) - At(from));
    }

    private static double? LastAtOrBefore(double[] sorted, double t)
    {
        var i = Array.BinarySearch(sorted, t);
        var index = i >= 0 ? i : ~i - 1;
        // Equal times: take the last of them.
        while (index + 1 < sorted.Length && sorted[index + 1] <= t)
        {
            index++;
        }
        return index >= 0 ? sorted[index] : null;
    }

    private static double? FirstAfter(double[] sorted, double t)
    {
        var i = Array.BinarySearch(sorted, t);
        var index = i >= 0 ? i + 1 : ~i;
        while (index < sorted.Length && sorted[index] <= t)
        {
            index++;
        }
        return index < sorted.Length ? sorted[index] : null;
    }
}
