namespace LagLab.Monitor.Model;

/// <summary>One live member of a consumer group and the partitions it is assigned.</summary>
public sealed record GroupMember(string MemberId, string ClientId, string Host, IReadOnlyList<TopicPartition> Assignment);
