using System.Diagnostics.Metrics;

namespace LagLab.Broker.Groups;

/// <summary>The coordinator's instruments on the broker's meter: rebalances started, and members and generation per group.</summary>
internal sealed class GroupMetrics
{
    private readonly Counter<long> _rebalances;

    public GroupMetrics(Meter meter, Func<IReadOnlyList<(string GroupId, int Members, int Generation, GroupState State)>> snapshot)
    {
        _rebalances = meter.CreateCounter<long>("laglab_broker_group_rebalances", "{rebalance}", "Rebalances started, by group");
        meter.CreateObservableGauge("laglab_broker_group_members", () =>
            snapshot().Select(g => new Measurement<int>(g.Members, new KeyValuePair<string, object?>("group", g.GroupId))),
            "{member}", "Members of each group");
        meter.CreateObservableGauge("laglab_broker_group_generation", () =>
            snapshot().Select(g => new Measurement<int>(g.Generation, new KeyValuePair<string, object?>("group", g.GroupId))),
            "{generation}", "Current generation of each group");
        meter.CreateObservableGauge("laglab_broker_group_state", () =>
            snapshot().Select(g => new Measurement<int>(1, new("group", g.GroupId), new("state", g.State.ToString()))),
            "{group}", "1 for the current state of each group");
    }

    public void RebalanceStarted(string groupId) => _rebalances.Add(1, new KeyValuePair<string, object?>("group", groupId));
}
