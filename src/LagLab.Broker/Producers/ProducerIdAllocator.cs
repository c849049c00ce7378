using System.Globalization;

namespace LagLab.Broker.Producers;

/// <summary>
/// Hands out producer ids for InitProducerId. With a data directory, ids are reserved in blocks whose
/// end is written (and fsynced) to <c>producer-ids</c> before any id of the block is used, so ids never
/// repeat after a restart or a crash. In memory, ids start at 0 each run.
/// </summary>
internal sealed class ProducerIdAllocator
{
    public const string FileName = "producer-ids";
    private const long BlockSize = 1000;

    private readonly Lock _lock = new();
    private readonly string? _path;
    private long _next;
    private long _blockEnd;

    public ProducerIdAllocator(string? dataDirectory)
    {
        if (dataDirectory is null)
        {
            _blockEnd = long.MaxValue;
            return;
        }
        _path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(_path))
        {
            var text = File.ReadAllText(_path).Trim();
            if (!text.StartsWith("next=", StringComparison.Ordinal) || !long.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var next))
            {
                throw new InvalidDataException($"{_path} is not a 'next=<id>' line; fix or remove the file.");
            }
            _next = _blockEnd = next;
        }
    }

    public long Allocate()
    {
        lock (_lock)
        {
            if (_next >= _blockEnd)
            {
                _blockEnd = _next + BlockSize;
                Persist(_blockEnd);
            }
            return _next++;
        }
    }

    /// <summary>Never hand out an id at or below one already seen in the logs.</summary>
    public void EnsureAbove(long producerId)
    {
        lock (_lock)
        {
            _next = Math.Max(_next, producerId + 1);
        }
    }

    private void Persist(long next)
    {
        if (_path is null)
        {
            return;
        }
        var temporary = _path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            stream.Write(System.Text.Encoding.ASCII.GetBytes($"next={next.ToString(CultureInfo.InvariantCulture)}\n"));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, _path, overwrite: true);
    }
}
