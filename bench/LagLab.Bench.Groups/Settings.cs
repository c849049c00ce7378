namespace LagLab.Bench.Groups;

/// <summary>Consumer timing used by every member (librdkafka defaults unless overridden).</summary>
internal sealed record Settings(int SessionTimeoutMs, int HeartbeatIntervalMs);
