namespace LagLab.Protocol.Groups;

/// <summary>A topic and some of its partitions, as the "consumer" protocol lists owned or assigned partitions.</summary>
public sealed record ConsumerProtocolTopicPartitions(string Topic, IReadOnlyList<int> Partitions);
