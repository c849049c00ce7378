using LagLab.Protocol;

namespace LagLab.Broker.Storage;

/// <summary>What Produce answers for one partition.</summary>
internal readonly record struct PartitionAppendResult(ErrorCode Error, long BaseOffset, long LogAppendTime, long LogStartOffset, string? ErrorMessage = null)
{
    public static PartitionAppendResult Failed(ErrorCode error, string? message, long logStartOffset = -1) => new(error, -1, -1, logStartOffset, message);
}
