namespace LagLab.Protocol.Messages.DescribeConfigs;

/// <summary>Resource types of the config APIs (int8 on the wire); a broker's resource name is its node id.</summary>
public enum ConfigResourceType : sbyte
{
    Unknown = 0,
    Topic = 2,
    Broker = 4,
    BrokerLogger = 8,
}
