using LagLab.Protocol;

namespace LagLab.Broker.Storage;

/// <summary>
/// Whole batches read from a log, as slices of stored memory (or of one buffer read from a file), plus
/// the log's bounds at the time of the read.
/// </summary>
internal readonly record struct LogReadResult(ErrorCode Error, long LogStartOffset, long LogEndOffset, IReadOnlyList<ReadOnlyMemory<byte>> Chunks, int Length)
{
    public static LogReadResult Failed(ErrorCode error, long logStartOffset = -1, long logEndOffset = -1) => new(error, logStartOffset, logEndOffset, [], 0);

    public static LogReadResult Empty(long logStartOffset, long logEndOffset) => new(ErrorCode.None, logStartOffset, logEndOffset, [], 0);
}
