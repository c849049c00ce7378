namespace LagLab.Broker.Topics;

/// <summary>The whole of <c>topics.json</c>.</summary>
internal sealed record StoredTopics(int Version, List<StoredTopic> Topics);
