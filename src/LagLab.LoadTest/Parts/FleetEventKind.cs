namespace LagLab.LoadTest.Parts;

/// <summary>What happened to one pipeline instance, as the harness (process events) or the pipeline (its lines) saw it.</summary>
public enum FleetEventKind
{
    /// <summary>The harness sent SIGTERM (or SIGKILL) to the process.</summary>
    StopRequested,

    /// <summary>The process was seen to exit.</summary>
    Exited,

    /// <summary>The harness started a new process in the slot.</summary>
    Started,

    /// <summary>The process printed its ready line (subscribed; about to join the group).</summary>
    Ready,

    /// <summary>The pipeline's ownership line: partitions assigned.</summary>
    Assigned,

    /// <summary>The pipeline's ownership line: partitions revoked (let go cleanly).</summary>
    Revoked,

    /// <summary>The pipeline's ownership line: partitions lost (taken away without a clean hand-over).</summary>
    Lost,
}
