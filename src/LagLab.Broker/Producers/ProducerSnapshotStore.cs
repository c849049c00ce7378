using System.Buffers;
using System.Buffers.Binary;
using LagLab.Broker.Storage;
using LagLab.Protocol.Records;

namespace LagLab.Broker.Producers;

/// <summary>
/// Producer-state snapshots of one partition directory, <c>&lt;offset&gt;.snapshot</c>, written when a
/// segment rolls: at open the newest snapshot is loaded and only the log after it is replayed. The two
/// newest are kept. Format (big-endian): version i16, count i32, then per producer id i64, epoch i16,
/// last timestamp i64, batch count i8 and per batch first/last sequence i32, first/last offset i64;
/// a CRC-32C of all of it last.
/// </summary>
internal sealed class ProducerSnapshotStore(string directory)
{
    private const short Version = 1;
    private const int Kept = 2;

    public void Write(long offset, ProducerStateTable table)
    {
        var output = new ArrayBufferWriter<byte>(64 + (table.Count * 128));
        Put(output, 2, s => BinaryPrimitives.WriteInt16BigEndian(s, Version));
        Put(output, 4, s => BinaryPrimitives.WriteInt32BigEndian(s, table.Count));
        foreach (var (producerId, state) in table.Producers)
        {
            Put(output, 8, s => BinaryPrimitives.WriteInt64BigEndian(s, producerId));
            Put(output, 2, s => BinaryPrimitives.WriteInt16BigEndian(s, state.Epoch));
            Put(output, 8, s => BinaryPrimitives.WriteInt64BigEndian(s, state.LastTimestampMs));
            Put(output, 1, s => s[0] = (byte)state.Batches.Count);
            foreach (var batch in state.Batches)
            {
                Put(output, 4, s => BinaryPrimitives.WriteInt32BigEndian(s, batch.FirstSequence));
                Put(output, 4, s => BinaryPrimitives.WriteInt32BigEndian(s, batch.LastSequence));
                Put(output, 8, s => BinaryPrimitives.WriteInt64BigEndian(s, batch.FirstOffset));
                Put(output, 8, s => BinaryPrimitives.WriteInt64BigEndian(s, batch.LastOffset));
            }
        }
        var crc = Crc32C.Compute(output.WrittenSpan);
        Put(output, 4, s => BinaryPrimitives.WriteUInt32BigEndian(s, crc));

        var path = SegmentFiles.Path(directory, offset, SegmentFiles.SnapshotExtension);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            stream.Write(output.WrittenSpan);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        foreach (var old in Offsets().SkipLast(Kept))
        {
            File.Delete(SegmentFiles.Path(directory, old, SegmentFiles.SnapshotExtension));
        }
    }

    /// <summary>The newest readable snapshot at or below <paramref name="maxOffset"/>; null when there is none.</summary>
    public (long Offset, ProducerStateTable Table)? LoadLatest(long maxOffset)
    {
        foreach (var offset in Offsets().Where(o => o <= maxOffset).Reverse())
        {
            if (TryRead(File.ReadAllBytes(SegmentFiles.Path(directory, offset, SegmentFiles.SnapshotExtension)), out var table))
            {
                return (offset, table);
            }
        }
        return null;
    }

    /// <summary>Snapshot offsets present, oldest first.</summary>
    public IReadOnlyList<long> Offsets() =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*" + SegmentFiles.SnapshotExtension)
                .Select(p => SegmentFiles.TryParseBaseOffset(p, SegmentFiles.SnapshotExtension, out var o) ? o : -1)
                .Where(o => o >= 0)
                .Order()
                .ToList()
            : [];

    private static bool TryRead(ReadOnlySpan<byte> bytes, out ProducerStateTable table)
    {
        try
        {
            return TryReadUnchecked(bytes, out table);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A matching CRC over impossible counts: treat as unreadable, the log replay covers it.
            table = new ProducerStateTable();
            return false;
        }
    }

    private static bool TryReadUnchecked(ReadOnlySpan<byte> bytes, out ProducerStateTable table)
    {
        table = new ProducerStateTable();
        if (bytes.Length < 10 || BinaryPrimitives.ReadUInt32BigEndian(bytes[^4..]) != Crc32C.Compute(bytes[..^4]))
        {
            return false;
        }
        var reader = new SnapshotReader(bytes[..^4]);
        if (reader.Int16() != Version)
        {
            return false;
        }
        var count = reader.Int32();
        for (var i = 0; i < count; i++)
        {
            var producerId = reader.Int64();
            var state = new ProducerState(reader.Int16()) { LastTimestampMs = reader.Int64() };
            var batches = reader.Byte();
            for (var b = 0; b < batches; b++)
            {
                state.Add(new ProducerBatch(reader.Int32(), reader.Int32(), reader.Int64(), reader.Int64()));
            }
            table.Restore(producerId, state);
        }
        return true;
    }

    private static void Put(ArrayBufferWriter<byte> output, int size, SpanAction write)
    {
        write(output.GetSpan(size)[..size]);
        output.Advance(size);
    }

    private delegate void SpanAction(Span<byte> span);

    private ref struct SnapshotReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public byte Byte() => Take(1)[0];

        public short Int16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

        public int Int32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

        public long Int64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

        private ReadOnlySpan<byte> Take(int length)
        {
            var slice = _bytes.Slice(_position, length);
            _position += length;
            return slice;
        }
    }
}
