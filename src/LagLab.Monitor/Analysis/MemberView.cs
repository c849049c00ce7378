namespace LagLab.Monitor.Analysis;

/// <summary>A group member as the API shows it: ids, host and assigned partitions ("topic/partition").</summary>
public sealed record MemberView(string MemberId, string ClientId, string Host, IReadOnlyList<string> Assignment);
