namespace LagLab.LoadTest.Results;

/// <summary>
/// One named stretch of an instance's restart, between two recorded events (run seconds). The names, in order:
/// <see cref="Stop"/>, <see cref="Replacement"/>, <see cref="Startup"/>, <see cref="Join"/>, <see cref="FirstRecord"/>.
/// </summary>
public sealed record RestartPhase(string Name, double From, double To)
{
    /// <summary>Stop requested (SIGTERM or SIGKILL) → the process exited: in-flight work, final commit, close.</summary>
    public const string Stop = "stop";

    /// <summary>Process exited → new process started: the orchestrator's part, the one input the scenario imposes.</summary>
    public const string Replacement = "replacement";

    /// <summary>New process started → its ready line (runtime start, spool, clients, subscribe).</summary>
    public const string Startup = "startup";

    /// <summary>Ready line → the new process's partitions assigned (its ownership line): the group join.</summary>
    public const string Join = "join";

    /// <summary>Partitions assigned → the first record of them the bank applied (offset fetch, fetch, budget, bank call).</summary>
    public const string FirstRecord = "first record";

    public double Seconds => To - From;
}
