using System.Net;
using LagLab.Protocol;

namespace LagLab.Broker.Handlers;

/// <summary>What a handler knows about the request beyond its body.</summary>
internal sealed record RequestContext(RequestHeader Header, long ConnectionId, EndPoint? RemoteEndPoint)
{
    public short ApiVersion => Header.ApiVersion;

    public string ClientId => Header.ClientId ?? string.Empty;

    /// <summary>Host as Kafka reports it in DescribeGroups ("/127.0.0.1").</summary>
    public string ClientHost => RemoteEndPoint is IPEndPoint ip ? "/" + ip.Address : "/unknown";
}
