namespace LagLab.Forecast.Timeline;

/// <summary>
/// A balanced assignment that keeps partitions where they are when it can (what cooperative-sticky does;
/// for eager assignors only the counts matter, since every partition stops anyway).
/// </summary>
internal static class StickyAssignor
{
    public static int[] Assign(int[] previous, int partitions, IReadOnlyList<int> members)
    {
        var next = new int[partitions];
        Array.Fill(next, -1);
        if (members.Count == 0)
        {
            return next;
        }
        var quota = partitions / members.Count;
        var extra = partitions % members.Count;
        var counts = new Dictionary<int, int>(members.Count);
        foreach (var m in members)
        {
            counts[m] = 0;
        }
        var atPlusOne = 0;
        bool TryTake(int member)
        {
            var c = counts[member];
            if (c < quota)
            {
                counts[member] = c + 1;
                return true;
            }
            if (c == quota && atPlusOne < extra)
            {
                atPlusOne++;
                counts[member] = c + 1;
                return true;
            }
            return false;
        }
        for (var j = 0; j < partitions; j++)
        {
            var owner = j < previous.Length ? previous[j] : -1;
            if (owner >= 0 && counts.ContainsKey(owner) && TryTake(owner))
            {
                next[j] = owner;
            }
        }
        for (var j = 0; j < partitions; j++)
        {
            if (next[j] >= 0)
            {
                continue;
            }
            foreach (var m in members.OrderBy(m => counts[m]).ThenBy(m => m))
            {
                if (TryTake(m))
                {
                    next[j] = m;
                    break;
                }
            }
        }
        return next;
    }
}
