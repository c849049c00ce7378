namespace LagLab.Broker.Topics;

/// <summary>message.timestamp.type: keep the producer's time, or stamp the broker's time on append.</summary>
internal enum TimestampType
{
    CreateTime,
    LogAppendTime,
}
