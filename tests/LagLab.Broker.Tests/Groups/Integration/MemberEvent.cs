using System.Text.Json;

namespace LagLab.Broker.Tests.Groups.Integration;

/// <summary>One JSON line printed by a LagLab.GroupMember process.</summary>
public sealed record MemberEvent(long T, string Event, IReadOnlyList<string> Partitions, IReadOnlyList<string>? Assignment, string? Topic, int Partition, long Offset, string? Key, string? Detail)
{
    public static MemberEvent? TryParse(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new MemberEvent(
            root.GetProperty("t").GetInt64(),
            root.GetProperty("event").GetString()!,
            Strings(root, "partitions") ?? [],
            Strings(root, "assignment"),
            root.TryGetProperty("topic", out var topic) ? topic.GetString() : null,
            root.TryGetProperty("partition", out var partition) ? partition.GetInt32() : -1,
            root.TryGetProperty("offset", out var offset) ? offset.GetInt64() : -1,
            root.TryGetProperty("key", out var key) ? key.GetString() : null,
            root.TryGetProperty("detail", out var detail) ? detail.GetString() : null);
    }

    private static string[]? Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(e => e.GetString()!).ToArray() : null;
}
