namespace LagLab.Pipeline.Hosting;

/// <summary>How records reach the bank (<c>--mode</c>).</summary>
public enum ProcessingMode
{
    /// <summary>The poll loop hands records to workers and never waits on the bank.</summary>
    Async,

    /// <summary>The write-up's consumer: the poll loop calls the bank for each record in turn (for reproducing the incident).</summary>
    Blocking,
}
