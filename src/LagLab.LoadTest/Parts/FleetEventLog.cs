using LagLab.Contracts;

namespace LagLab.LoadTest.Parts;

/// <summary>
/// Everything the fleet did and said during a run, in order: process stops, exits and starts as the harness made
/// them, and the pipelines' own ready and ownership lines. The mechanisms of restarts are measured from this,
/// never from the durations the scenario imposed.
/// </summary>
internal sealed class FleetEventLog(TimeProvider time)
{
    /// <summary>The line a pipeline prints once it has subscribed (before it joins the group).</summary>
    public const string ReadyPrefix = "laglab pipeline ready: ";

    private readonly Lock _lock = new();
    private readonly List<FleetEvent> _events = [];

    public IReadOnlyList<FleetEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events.OrderBy(e => e.AtMs)];
            }
        }
    }

    public void Record(string instance, FleetEventKind kind) => Add(FleetEvent.Process(time.GetUtcNow().ToUnixTimeMilliseconds(), instance, kind));

    /// <summary>An output line of <paramref name="instance"/>'s process: its ready line and ownership lines are kept.</summary>
    public void OnLine(string instance, string line)
    {
        if (line.StartsWith(ReadyPrefix, StringComparison.Ordinal))
        {
            Record(instance, FleetEventKind.Ready);
            return;
        }
        if (OwnershipLine.TryParse(line, out var ownership))
        {
            var kind = ownership!.Change switch
            {
                OwnershipLine.Assigned => FleetEventKind.Assigned,
                OwnershipLine.Lost => FleetEventKind.Lost,
                _ => FleetEventKind.Revoked,
            };
            // The slot's name, not the line's: a dynamic member's instance name is its own, the slot is what restarts.
            Add(new FleetEvent(ownership.AtMs, instance, kind, ownership.Partitions, ownership.Owned));
        }
    }

    private void Add(FleetEvent e)
    {
        lock (_lock)
        {
            _events.Add(e);
        }
    }
}
