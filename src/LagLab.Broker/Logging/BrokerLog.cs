using System.Net;
using Microsoft.Extensions.Logging;

namespace LagLab.Broker.Logging;

/// <summary>Every log line the broker writes, source-generated, with stable event ids.</summary>
internal static partial class BrokerLog
{
    [LoggerMessage(1, LogLevel.Information, "Broker {NodeId} listening on {BootstrapServers} (cluster {ClusterId}, data: {DataLocation})")]
    public static partial void Listening(ILogger logger, int nodeId, string bootstrapServers, string clusterId, string dataLocation);

    [LoggerMessage(2, LogLevel.Information, "Broker stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(3, LogLevel.Debug, "Connection {ConnectionId} opened from {RemoteEndPoint}")]
    public static partial void ConnectionOpened(ILogger logger, long connectionId, EndPoint? remoteEndPoint);

    [LoggerMessage(4, LogLevel.Debug, "Connection {ConnectionId} closed")]
    public static partial void ConnectionClosed(ILogger logger, long connectionId);

    [LoggerMessage(5, LogLevel.Warning, "Connection {ConnectionId} from {RemoteEndPoint} closed: malformed request ({Reason})")]
    public static partial void MalformedRequest(ILogger logger, long connectionId, EndPoint? remoteEndPoint, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Connection {ConnectionId} closed: {ApiKey} v{ApiVersion} is not supported")]
    public static partial void UnsupportedApi(ILogger logger, long connectionId, short apiKey, short apiVersion);

    [LoggerMessage(7, LogLevel.Error, "Connection {ConnectionId}: handler for {ApiKey} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, long connectionId, string apiKey);

    [LoggerMessage(8, LogLevel.Warning, "Connection {ConnectionId} from {RemoteEndPoint} closed: request of {Size} bytes exceeds the limit of {Limit}")]
    public static partial void RequestTooLarge(ILogger logger, long connectionId, EndPoint? remoteEndPoint, long size, int limit);
}
