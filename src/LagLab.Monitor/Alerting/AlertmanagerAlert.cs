using System.Text.Json.Serialization;

namespace LagLab.Monitor.Alerting;

/// <summary>One element of the Alertmanager v2 <c>POST /api/v2/alerts</c> body (postableAlert).</summary>
internal sealed record AlertmanagerAlert(
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
    [property: JsonPropertyName("annotations")] IReadOnlyDictionary<string, string> Annotations,
    [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [property: JsonPropertyName("endsAt")] DateTimeOffset EndsAt,
    [property: JsonPropertyName("generatorURL")] string GeneratorUrl);
