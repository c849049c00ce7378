using System.Text.Json.Serialization;

namespace LagLab.Broker.Topics;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StoredTopics))]
internal sealed partial class TopicStoreJsonContext : JsonSerializerContext;
