namespace LagLab.Bench.Groups;

/// <summary>
/// Who owns which partition over time, as the members' rebalance callbacks report it: answers "is the
/// group balanced now?" and "how long was each partition without an owner?".
/// </summary>
internal sealed class Ownership(int partitions)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, HashSet<string>> _owners = Enumerable.Range(0, partitions).ToDictionary(p => p, _ => new HashSet<string>());
    private readonly List<(double Time, int Partition, int Owners)> _changes = [];

    public int Partitions => partitions;

    public void Assigned(string member, IEnumerable<int> assigned, double time) => Change(member, assigned, time, add: true);

    public void Revoked(string member, IEnumerable<int> revoked, double time) => Change(member, revoked, time, add: false);

    /// <summary>Every partition has exactly one owner among <paramref name="live"/>, and each of them owns at least one.</summary>
    public bool IsBalanced(IReadOnlyCollection<string> live)
    {
        lock (_lock)
        {
            if (_owners.Values.Any(o => o.Count != 1 || !live.Contains(o.First())))
            {
                return false;
            }
            var owning = _owners.Values.Select(o => o.First()).ToHashSet();
            return live.All(owning.Contains);
        }
    }

    /// <summary>Per partition, the time within [from, to] it had no owner; returns the longest and the mean.</summary>
    public (double Max, double Mean) Unowned(double from, double to)
    {
        lock (_lock)
        {
            var perPartition = new double[partitions];
            for (var p = 0; p < partitions; p++)
            {
                var changes = _changes.Where(c => c.Partition == p).ToArray();
                var owners = changes.LastOrDefault(c => c.Time <= from).Owners;
                var since = from;
                foreach (var change in changes.Where(c => c.Time > from && c.Time <= to))
                {
                    if (owners == 0)
                    {
                        perPartition[p] += change.Time - since;
                    }
                    owners = change.Owners;
                    since = change.Time;
                }
                if (owners == 0)
                {
                    perPartition[p] += to - since;
                }
            }
            return (perPartition.Max(), perPartition.Average());
        }
    }

    private void Change(string member, IEnumerable<int> changed, double time, bool add)
    {
        lock (_lock)
        {
            foreach (var partition in changed)
            {
                var owners = _owners[partition];
                if (add ? owners.Add(member) : owners.Remove(member))
                {
                    _changes.Add((time, partition, owners.Count));
                }
            }
        }
    }
}
