using System.Globalization;
using System.Text.Json;

namespace LagLab.LoadTest.Parts;

/// <summary>
/// One alert as the monitor's <c>/api/alerts</c> shows it. Parsed leniently (a bare array or an object with an
/// <c>alerts</c> array; the state as a name or a number), so the harness reads what a user's script would.
/// </summary>
internal sealed record MonitorAlert(
    string Name,
    string State,
    string Severity,
    IReadOnlyDictionary<string, string> Labels,
    double Value,
    DateTimeOffset? ActiveAt,
    DateTimeOffset? FiredAt,
    DateTimeOffset? ResolvedAt)
{
    private static readonly string[] StateNames = ["pending", "firing", "resolved"];

    public string Key => Name + "|" + string.Join(",", Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    public static IReadOnlyList<MonitorAlert> ParseList(JsonElement root)
    {
        var array = root.ValueKind == JsonValueKind.Array ? root
            : root.ValueKind == JsonValueKind.Object && TryGet(root, "alerts", out var inner) && inner.ValueKind == JsonValueKind.Array ? inner
            : throw new FormatException($"/api/alerts: expected a JSON array of alerts, got {root.ValueKind}");
        var alerts = new List<MonitorAlert>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (TryGet(item, "labels", out var labelObject) && labelObject.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in labelObject.EnumerateObject())
                {
                    labels[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
            var name = Text(item, "name") ?? (labels.TryGetValue("alertname", out var n) ? n : "alert");
            var state = TryGet(item, "state", out var s)
                ? s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var number) && number >= 0 && number < StateNames.Length ? StateNames[number] : (s.GetString() ?? "").ToLowerInvariant()
                : "firing";
            var value = TryGet(item, "value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;
            alerts.Add(new MonitorAlert(name, state, labels.TryGetValue("severity", out var severity) ? severity : "", labels, value,
                Time(item, "activeAt"), Time(item, "firedAt"), Time(item, "resolvedAt")));
        }
        return alerts;
    }

    private static bool TryGet(JsonElement item, string name, out JsonElement value)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static string? Text(JsonElement item, string name) =>
        TryGet(item, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement item, string name) =>
        Text(item, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
