using LagLab.LoadTest.Results;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Timeline;

/// <summary>
/// Runs the plan: each action starts at its time, on its own task (a long rolling deploy does not hold back a
/// kill that is due meanwhile), and is recorded with its start, end and error. All are awaited before the run ends.
/// </summary>
internal sealed class ActionRunner(IRunControls controls, TimeProvider time, Action<ActionRecord> onStarted, Action<ActionRecord> onFinished)
{
    public async Task<List<ActionRecord>> RunAsync(IReadOnlyList<PlannedAction> plan, long start, CancellationToken cancellationToken)
    {
        var running = new List<Task<ActionRecord>>();
        foreach (var planned in plan)
        {
            var wait = TimeSpan.FromSeconds(planned.WallAt) - time.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            running.Add(RunOneAsync(planned.Action, start, cancellationToken));
        }
        var records = await Task.WhenAll(running);
        return [.. records.OrderBy(r => r.T)];
    }

    private async Task<ActionRecord> RunOneAsync(ScenarioAction action, long start, CancellationToken cancellationToken)
    {
        // Off the scheduling loop at once, so the next action's timer is not held up by this one's first step.
        await Task.Yield();
        var t = time.GetElapsedTime(start).TotalSeconds;
        var detail = Describe(action);
        onStarted(new ActionRecord(t, t, action.Type, detail, null));
        string? error = null;
        try
        {
            await ExecuteAsync(action, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error = "cancelled: the run ended first";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error = ex.Message;
        }
        var record = new ActionRecord(t, time.GetElapsedTime(start).TotalSeconds, action.Type, detail, error);
        onFinished(record);
        return record;
    }

    private Task ExecuteAsync(ScenarioAction action, CancellationToken cancellationToken) => action switch
    {
        RollingDeployAction => controls.RollingDeployAsync(cancellationToken),
        KillAction kill => controls.KillAsync(kill.Instance, kill.RestartAfter, cancellationToken),
        ScaleAction scale => controls.ScaleAsync(scale.Instances, cancellationToken),
        AddPartitionsAction add => controls.AddPartitionsAsync(add.Partitions, cancellationToken),
        PauseBrokerAction pause => controls.PauseBrokerAsync(pause.Length, cancellationToken),
        RestartBrokerAction restart => controls.RestartBrokerAsync(restart.Length, cancellationToken),
        BankOutageAction outage => controls.BankOutageAsync(outage.Length, cancellationToken),
        _ => throw new NotSupportedException($"unknown action {action.Type}"),
    };

    public static string Describe(ScenarioAction action) => action switch
    {
        RollingDeployAction => "restart every instance in turn",
        KillAction { RestartAfter: { } after } kill => $"SIGKILL instance {kill.Instance}, back after {Duration.Format(after)}",
        KillAction kill => $"SIGKILL instance {kill.Instance}",
        ScaleAction scale => $"scale to {scale.Instances} instances",
        AddPartitionsAction add => $"grow the topic to {add.Partitions} partitions",
        PauseBrokerAction pause => $"freeze the broker for {Duration.Format(pause.Length)}",
        RestartBrokerAction restart => $"restart the broker ({Duration.Format(restart.Length)} down)",
        BankOutageAction outage => $"bank answers 503 for {Duration.Format(outage.Length)}",
        _ => action.Type,
    };
}
