using System.Globalization;

namespace LagLab.GroupMember;

/// <summary>Command line: <c>--bootstrap H:P --group G --topics a,b [--assignor range|roundrobin|cooperative-sticky] ...</c></summary>
internal sealed record MemberOptions(
    string Bootstrap,
    string Group,
    IReadOnlyList<string> Topics,
    string Assignor,
    string? InstanceId,
    string ClientId,
    int SessionTimeoutMs,
    int HeartbeatIntervalMs,
    int MaxPollIntervalMs,
    bool AutoCommit,
    int AutoCommitIntervalMs)
{
    private static readonly string[] Assignors = ["range", "roundrobin", "cooperative-sticky"];

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public static MemberOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value' pairs; '{args[i]}' has no value.");
            }
            values[args[i]] = args[++i];
        }
        string Required(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : throw new ArgumentException($"{name} is required.");
        int Int(string name, int fallback) => !values.TryGetValue(name, out var v) ? fallback
            : int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive integer, got '{v}'.");
        var assignor = values.GetValueOrDefault("--assignor", "range");
        if (!Assignors.Contains(assignor))
        {
            throw new ArgumentException($"--assignor must be one of {string.Join(", ", Assignors)}, got '{assignor}'.");
        }
        var known = new[] { "--bootstrap", "--group", "--topics", "--assignor", "--instance-id", "--client-id", "--session-timeout", "--heartbeat-interval", "--max-poll-interval", "--auto-commit", "--auto-commit-interval" };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"Unknown option {unknown}.");
        }
        return new MemberOptions(
            Required("--bootstrap"),
            Required("--group"),
            Required("--topics").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            assignor,
            values.GetValueOrDefault("--instance-id"),
            values.GetValueOrDefault("--client-id", "group-member"),
            Int("--session-timeout", 6_000),
            Int("--heartbeat-interval", 500),
            Int("--max-poll-interval", 30_000),
            values.GetValueOrDefault("--auto-commit", "true") == "true",
            Int("--auto-commit-interval", 500));
    }
}
