namespace LagLab.Scenarios;

/// <summary>Something the harness does on the timeline. <see cref="At"/> is scenario time from the start of the run.</summary>
public abstract record ScenarioAction(TimeSpan At)
{
    /// <summary>The YAML <c>type:</c> of the action.</summary>
    public abstract string Type { get; }
}
