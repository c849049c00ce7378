namespace LagLab.Protocol;

/// <summary>
/// A frame that cannot be decoded. Carries the Kafka error code so the connection boundary can map it
/// once; thrown by the reader, never by handlers for business errors (those are error codes in responses).
/// </summary>
public sealed class KafkaProtocolException(string message, ErrorCode errorCode = ErrorCode.InvalidRequest)
    : Exception(message)
{
    public ErrorCode ErrorCode { get; } = errorCode;
}
