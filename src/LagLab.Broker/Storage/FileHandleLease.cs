using Microsoft.Win32.SafeHandles;

namespace LagLab.Broker.Storage;

/// <summary>A borrowed segment file handle from <see cref="FileHandleCache"/>; disposing gives it back.</summary>
internal readonly struct FileHandleLease : IDisposable
{
    private readonly FileHandleCache _cache;
    private readonly FileHandleCache.Entry _entry;

    internal FileHandleLease(FileHandleCache cache, FileHandleCache.Entry entry)
    {
        _cache = cache;
        _entry = entry;
    }

    public SafeFileHandle Handle => _entry.Handle;

    public void Dispose() => _cache.Return(_entry);
}
