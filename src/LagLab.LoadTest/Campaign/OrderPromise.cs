using LagLab.Scenarios;

namespace LagLab.LoadTest.Campaign;

/// <summary>
/// Whether the pipeline promises per-account order for a scenario (docs/pipeline.md, "Guarantees"), and if not, why.
/// Kafka orders a key only within one partition, so growing the topic while it has a backlog may apply an account's
/// newer events first; with the durable spool, events a crashed or cut-off instance spooled are applied late when its
/// partitions went to another member (a kill the member does not come back from in time as the same static member, a
/// broker restart that makes members lose their partitions).
/// </summary>
internal static class OrderPromise
{
    /// <summary>Null when order is promised; otherwise the documented limit the scenario reaches.</summary>
    public static string? Exemption(Scenario scenario)
    {
        var reasons = new List<string>();
        if (scenario.Actions.Any(a => a is AddPartitionsAction))
        {
            reasons.Add("the topic grew (Kafka orders a key only within one partition)");
        }
        if (scenario.Fleet.Buffer == BufferMode.Durable)
        {
            var fleet = scenario.Fleet;
            if (scenario.Actions.OfType<KillAction>().Any(k => !fleet.StaticMembership || k.RestartAfter is not { } back || back >= fleet.SessionTimeout))
            {
                reasons.Add("a killed instance's spooled events may be applied after its partitions moved");
            }
            if (scenario.Actions.Any(a => a is RestartBrokerAction))
            {
                reasons.Add("a broker restart makes members lose partitions while events are spooled");
            }
        }
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }
}
