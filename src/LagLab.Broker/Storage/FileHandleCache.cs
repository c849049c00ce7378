using Microsoft.Win32.SafeHandles;

namespace LagLab.Broker.Storage;

/// <summary>
/// Every segment file handle of a broker, at most <c>capacity</c> open at once (least recently used are
/// closed first). Segments hold paths, not handles, and borrow a handle for each read or write, so the
/// number of partitions is no longer bounded by the process's descriptor limit (three handles per
/// partition exhausted 20,000 descriptors at 6,578 partitions). A handle in use is never closed under
/// its user: eviction skips it, and a file forgotten while borrowed is closed when given back.
/// </summary>
internal sealed class FileHandleCache(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recent = new();

    /// <summary>Handles open now (for tests and diagnostics).</summary>
    public int OpenCount
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Borrows the handle of an existing file, opening it when it is not open; dispose the lease to give it back.</summary>
    public FileHandleLease Borrow(string path)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(path, out var entry))
            {
                _recent.Remove(entry.Node);
                _recent.AddFirst(entry.Node);
            }
            else
            {
                EvictIdle(capacity - 1);
                entry = new Entry(path, File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete));
                entry.Node = _recent.AddFirst(entry);
                _entries[path] = entry;
            }
            entry.Users++;
            return new FileHandleLease(this, entry);
        }
    }

    /// <summary>Closes the file's handle (now, or when its last borrower gives it back): the file is deleted, renamed or the segment closed.</summary>
    public void Forget(string path)
    {
        lock (_lock)
        {
            if (!_entries.Remove(path, out var entry))
            {
                return;
            }
            _recent.Remove(entry.Node);
            entry.Forgotten = true;
            if (entry.Users == 0)
            {
                entry.Handle.Dispose();
            }
        }
    }

    internal void Return(Entry entry)
    {
        lock (_lock)
        {
            entry.Users--;
            if (entry.Users == 0 && entry.Forgotten)
            {
                entry.Handle.Dispose();
            }
        }
    }

    /// <summary>Under the lock: closes idle handles, least recently used first, until at most <paramref name="keep"/> are open.</summary>
    private void EvictIdle(int keep)
    {
        var node = _recent.Last;
        while (_entries.Count > keep && node is not null)
        {
            var previous = node.Previous;
            if (node.Value.Users == 0)
            {
                _recent.Remove(node);
                _entries.Remove(node.Value.Path);
                node.Value.Handle.Dispose();
            }
            node = previous;
        }
    }

    internal sealed class Entry(string path, SafeFileHandle handle)
    {
        public string Path { get; } = path;

        public SafeFileHandle Handle { get; } = handle;

        public LinkedListNode<Entry> Node { get; set; } = null!;

        public int Users { get; set; }

        public bool Forgotten { get; set; }
    }
}
