namespace LagLab.Broker;

/// <summary>
/// This broker as clients must see it (Metadata, FindCoordinator): node id, advertised host, the port
/// actually bound (known once the listener exists, before it accepts), and the cluster id.
/// </summary>
internal sealed class BrokerNode(int nodeId, string host, string clusterId)
{
    public int NodeId { get; } = nodeId;

    public string Host { get; } = host;

    public string ClusterId { get; } = clusterId;

    public int Port { get; set; }
}
