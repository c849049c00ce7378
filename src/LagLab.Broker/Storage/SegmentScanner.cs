using LagLab.Protocol.Records;
using Microsoft.Win32.SafeHandles;

namespace LagLab.Broker.Storage;

/// <summary>
/// Walks the batches of a segment file sequentially through one reusable buffer (recovery, index
/// rebuilds, producer-state replay). Stops at the first batch that is incomplete or whose length or
/// magic is impossible; callers check CRC and offsets themselves.
/// </summary>
internal sealed class SegmentScanner(SafeFileHandle file, long start, long end)
{
    private const int BlockSize = 256 * 1024;

    public IEnumerable<ScannedBatch> Scan()
    {
        var buffer = new byte[BlockSize];
        long bufferStart = start;
        var bufferLength = 0;
        var position = start;
        while (position < end)
        {
            var offsetInBuffer = (int)(position - bufferStart);
            if (offsetInBuffer + RecordBatchHeader.Size > bufferLength)
            {
                (bufferStart, bufferLength) = Fill(ref buffer, position, RecordBatchHeader.Size);
                offsetInBuffer = 0;
                if (bufferLength < RecordBatchHeader.Size)
                {
                    break;
                }
            }
            var header = RecordBatchHeader.Read(buffer.AsSpan(offsetInBuffer));
            if (header.Magic != RecordBatchHeader.CurrentMagic || header.TotalSize < RecordBatchHeader.Size || header.TotalSize > end - position)
            {
                break;
            }
            if (offsetInBuffer + header.TotalSize > bufferLength)
            {
                (bufferStart, bufferLength) = Fill(ref buffer, position, header.TotalSize);
                offsetInBuffer = 0;
                if (bufferLength < header.TotalSize)
                {
                    break;
                }
            }
            yield return new ScannedBatch(position, header, buffer.AsMemory(offsetInBuffer, header.TotalSize));
            position += header.TotalSize;
        }
    }

    /// <summary>Reads from <paramref name="position"/> into the buffer, growing it to hold at least <paramref name="needed"/> bytes.</summary>
    private (long Start, int Length) Fill(ref byte[] buffer, long position, int needed)
    {
        if (buffer.Length < needed)
        {
            buffer = new byte[needed];
        }
        var want = (int)Math.Min(buffer.Length, end - position);
        var read = 0;
        while (read < want)
        {
            var n = RandomAccess.Read(file, buffer.AsSpan(read, want - read), position + read);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        return (position, read);
    }
}
