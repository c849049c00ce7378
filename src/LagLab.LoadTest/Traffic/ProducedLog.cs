namespace LagLab.LoadTest.Traffic;

/// <summary>
/// What the harness produced: for every event (by its number) when it was produced and where it landed. It gives
/// exact time lag (the age of the record at a committed offset) and exact end-to-end delay (by event id).
/// </summary>
internal sealed class ProducedLog
{
    private readonly Lock _lock = new();
    private readonly List<long> _producedAtMs = [];
    private readonly List<int> _partition = [];
    private readonly Dictionary<int, List<(long Offset, long ProducedAtMs)>> _byPartition = [];
    private long _delivered;
    private long _failed;

    public ProducedLog(string runTag)
    {
        RunTag = runTag;
    }

    /// <summary>Prefix of every event id of this run: <c>TAG-N</c>.</summary>
    public string RunTag { get; }

    public long Sent
    {
        get
        {
            lock (_lock)
            {
                return _producedAtMs.Count;
            }
        }
    }

    /// <summary>Events the broker acknowledged (acks=all): the count the ledger is judged against.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    public long Failed => Interlocked.Read(ref _failed);

    public string EventId(long number) => $"{RunTag}-{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The event number of an id of this run, or -1.</summary>
    public long NumberOf(string eventId)
    {
        if (!eventId.StartsWith(RunTag, StringComparison.Ordinal) || eventId.Length <= RunTag.Length + 1 || eventId[RunTag.Length] != '-')
        {
            return -1;
        }
        return long.TryParse(eventId.AsSpan(RunTag.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
    }

    /// <summary>Registers the next event; returns its number.</summary>
    public long Add(long producedAtMs)
    {
        lock (_lock)
        {
            _producedAtMs.Add(producedAtMs);
            _partition.Add(-1);
            return _producedAtMs.Count - 1;
        }
    }

    public void MarkDelivered(long number, int partition, long offset)
    {
        lock (_lock)
        {
            _partition[(int)number] = partition;
            if (!_byPartition.TryGetValue(partition, out var list))
            {
                _byPartition[partition] = list = [];
            }
            var entry = (offset, _producedAtMs[(int)number]);
            // Acks of one partition come in offset order; insert in place if one ever does not.
            if (list.Count == 0 || list[^1].Offset < offset)
            {
                list.Add(entry);
            }
            else
            {
                var at = list.BinarySearch(entry, OffsetComparer.Instance);
                list.Insert(at < 0 ? ~at : at, entry);
            }
        }
        Interlocked.Increment(ref _delivered);
    }

    public void MarkFailed() => Interlocked.Increment(ref _failed);

    /// <summary>When event <paramref name="number"/> was produced (ms since the Unix epoch), or null.</summary>
    public long? ProducedAtMs(long number)
    {
        lock (_lock)
        {
            return number >= 0 && number < _producedAtMs.Count ? _producedAtMs[(int)number] : null;
        }
    }

    public int PartitionOf(long number)
    {
        lock (_lock)
        {
            return number >= 0 && number < _partition.Count ? _partition[(int)number] : -1;
        }
    }

    /// <summary>
    /// When the record at <paramref name="offset"/> of <paramref name="partition"/> (or the first one after it) was
    /// produced: the age of the oldest unconsumed record when <paramref name="offset"/> is the committed offset.
    /// </summary>
    public long? ProducedAtOffset(int partition, long offset)
    {
        lock (_lock)
        {
            if (!_byPartition.TryGetValue(partition, out var list) || list.Count == 0)
            {
                return null;
            }
            var at = list.BinarySearch((offset, 0), OffsetComparer.Instance);
            var index = at >= 0 ? at : ~at;
            return index < list.Count ? list[index].ProducedAtMs : null;
        }
    }

    private sealed class OffsetComparer : IComparer<(long Offset, long ProducedAtMs)>
    {
        public static readonly OffsetComparer Instance = new();

        public int Compare((long Offset, long ProducedAtMs) x, (long Offset, long ProducedAtMs) y) => x.Offset.CompareTo(y.Offset);
    }
}
