using System.Globalization;

namespace LagLab.Bench.Pipeline;

/// <summary>
/// Partition ownership over time, from the `laglab pipeline ownership:` lines of every instance (wall-clock at_ms).
/// A partition is without an active consumer while no instance owns it.
/// </summary>
internal sealed class OwnershipTimeline(int partitions)
{
    private readonly List<(long AtMs, string Instance, string Change, int[] Partitions)> _events = [];

    /// <summary>Parses one output line; ignores lines that are not ownership lines.</summary>
    public void Add(string line)
    {
        const string prefix = "laglab pipeline ownership: ";
        if (!line.StartsWith(prefix, StringComparison.Ordinal))
        {
            return;
        }
        var fields = line[prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : string.Empty);
        var parts = fields["partitions"].Length == 0 ? [] : fields["partitions"].Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        lock (_events)
        {
            _events.Add((long.Parse(fields["at_ms"], CultureInfo.InvariantCulture), fields["instance"], fields["change"], parts));
        }
    }

    /// <summary>Per partition, milliseconds within [fromMs, toMs] with no owner.</summary>
    public double[] UnownedMs(long fromMs, long toMs)
    {
        List<(long AtMs, string Instance, string Change, int[] Partitions)> events;
        lock (_events)
        {
            events = [.. _events.OrderBy(e => e.AtMs)];
        }
        var owners = Enumerable.Range(0, partitions).Select(_ => new HashSet<string>()).ToArray();
        var unowned = new double[partitions];
        var since = new long?[partitions];
        foreach (var e in events)
        {
            foreach (var p in e.Partitions.Where(p => p < partitions))
            {
                var wasOwned = owners[p].Count > 0;
                if (e.Change == "assigned")
                {
                    owners[p].Add(e.Instance);
                }
                else
                {
                    owners[p].Remove(e.Instance);
                }
                var isOwned = owners[p].Count > 0;
                if (wasOwned && !isOwned)
                {
                    since[p] = e.AtMs;
                }
                else if (!wasOwned && isOwned && since[p] is { } start)
                {
                    unowned[p] += Overlap(start, e.AtMs, fromMs, toMs);
                    since[p] = null;
                }
            }
        }
        for (var p = 0; p < partitions; p++)
        {
            if (since[p] is { } start)
            {
                unowned[p] += Overlap(start, toMs, fromMs, toMs);
            }
        }
        return unowned;
    }

    private static double Overlap(long start, long end, long fromMs, long toMs) => Math.Max(0, Math.Min(end, toMs) - Math.Max(start, fromMs));
}
