namespace LagLab.Scenarios.Loading;

/// <summary>
/// <c>fleet.call_overhead</c>, <c>rebalance_time</c> and <c>restart_replay</c> describe what the system does, not what
/// the scenario imposes; they were fitted to demo runs and made forecasts miss on other scenarios. They still load
/// (old files keep working, and the library model still reads them) but the forecast and the load test take these
/// inputs from a calibration file instead, so each one present gets a warning that says so.
/// </summary>
internal static class DeprecatedMechanismKeys
{
    public static readonly IReadOnlyList<string> Keys = ["call_overhead", "rebalance_time", "restart_replay"];

    public static void Warn(MappingReader fleet)
    {
        foreach (var key in Keys)
        {
            if (fleet.KeyNode(key) is { } node)
            {
                fleet.Errors.Warn(node, fleet.PathOf(key),
                    "deprecated: a measured mechanism, not a scenario input; laglab forecast and loadtest ignore it and take it from a calibration file (laglab calibrate SCENARIO, then --calibration FILE; docs/forecast.md)");
            }
        }
    }
}
