namespace LagLab.Monitor.Exposition;

/// <summary>The monitor's own state after its latest cycle.</summary>
/// <param name="Up">True when the latest cycle read the cluster; false until the first success and after any failure.</param>
/// <param name="LastSuccess">When the latest successful cycle read its offsets.</param>
public sealed record MonitorHealth(bool Up, double LastPollSeconds, DateTimeOffset? LastSuccess, long CycleTimeouts, long CycleFailures, string? LastError)
{
    public static MonitorHealth Initial { get; } = new(false, 0, null, 0, 0, "no collection cycle has completed yet");
}
