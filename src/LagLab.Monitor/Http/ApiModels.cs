using LagLab.Monitor.Analysis;

namespace LagLab.Monitor.Http;

/// <summary>The JSON shapes of the API. Every response says when its data was read and whether it is fresh.</summary>
internal static class ApiModels
{
    public static object Groups(MonitorState state)
    {
        var view = state.View;
        return new
        {
            time = view.Time,
            fresh = state.Health.Up,
            health = state.Health,
            groups = view.Groups.Select(g => new
            {
                group = g.Group,
                state = g.State,
                status = g.Status,
                complete = g.Complete,
                members = g.Members.Count,
                lagSum = g.LagSum,
                lagMax = g.LagMax,
                timeLagSecondsMax = g.TimeLagSecondsMax,
                growthPerSecond = g.GrowthPerSecond,
                drainSeconds = g.DrainSeconds,
                breaches = g.Breaches,
                dataLoss = g.DataLoss,
                partitions = g.Partitions.Count,
                noCommitPartitions = g.NoCommitPartitions,
            }),
        };
    }

    public static object? Group(MonitorState state, string group)
    {
        var view = state.View;
        var found = view.FindGroup(group);
        return found is null ? null : new
        {
            time = view.Time,
            fresh = state.Health.Up,
            group = found,
            history = state.History.For(group),
        };
    }

    public static object History(MonitorState state) => new
    {
        time = state.View.Time,
        fresh = state.Health.Up,
        groups = state.History.Snapshot(),
    };
}
