using LagLab.Monitor.Model;

namespace LagLab.Monitor.Analysis;

/// <summary>Reads the timestamp of the record at an offset (exact time lag); null when there is no such record.</summary>
public interface IRecordTimestampReader
{
    Task<RecordTimestamp?> ReadAsync(TopicPartition partition, long offset, CancellationToken cancellationToken);
}
