namespace LagLab.Bench.Groups;

/// <summary>The fixed parts of one scenario: where, which group and topic, how members are configured.</summary>
internal sealed record Setup(string Bootstrap, string Group, string Topic, Strategy Strategy, Ownership Ownership, Func<double> Clock,
    int SessionTimeoutMs, int HeartbeatIntervalMs);
