namespace LagLab.Broker.Storage;

/// <summary>
/// One writer, many lock-free readers: a reader's snapshot is always a prefix of what was appended,
/// never a torn entry. The array is published before the count, so a snapshot's array always holds
/// at least its count of entries.
/// </summary>
internal sealed class AppendOnlyList<T>(int initialCapacity = 16)
    where T : struct
{
    private T[] _items = new T[Math.Max(initialCapacity, 1)];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public T Last => Snapshot()[^1];

    /// <summary>Writer only.</summary>
    public void Add(T item)
    {
        var items = _items;
        var count = _count;
        if (count == items.Length)
        {
            var grown = new T[items.Length * 2];
            Array.Copy(items, grown, count);
            Volatile.Write(ref _items, grown);
            items = grown;
        }
        items[count] = item;
        Volatile.Write(ref _count, count + 1);
    }

    /// <summary>Writer only, and only while no reader can look (recovery, before the log is shared).</summary>
    public void Clear() => Volatile.Write(ref _count, 0);

    public ReadOnlySpan<T> Snapshot()
    {
        var count = Volatile.Read(ref _count);
        return Volatile.Read(ref _items).AsSpan(0, count);
    }
}
