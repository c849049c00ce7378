namespace LagLab.Broker.Topics;

/// <summary>One topic as written to <c>topics.json</c>: only what cannot be derived (configs are overrides only).</summary>
internal sealed record StoredTopic(string Name, Guid Id, int Partitions, bool Internal, Dictionary<string, string> Configs);
