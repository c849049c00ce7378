namespace LagLab.LoadTest.Results;

/// <summary>
/// A part of the run (a pipeline instance, the broker, the bank, the monitor) that exited without the timeline
/// asking for it: a crash, a non-zero exit, a signal from outside. Any one fails the run's <c>unexpected exits</c> check.
/// </summary>
/// <param name="Part"><c>pipeline</c>, <c>broker</c>, <c>bank</c> or <c>monitor</c>.</param>
/// <param name="Instance">The pipeline instance's number (from 0); null for the other parts.</param>
/// <param name="Name">The process's name in the logs (<c>pipeline-1</c>, <c>bank</c>), its log being <c>logs/NAME.log</c>.</param>
/// <param name="ExitCode">As the process reported it; 128 + N when signal N killed it.</param>
/// <param name="Signal">The signal that killed it (<c>SIGKILL</c>), or null for an exit of its own.</param>
/// <param name="T">Seconds from the start of traffic (0 when it happened while the run was being set up).</param>
/// <param name="At">Wall-clock time of the exit.</param>
/// <param name="Then">What the harness did about it (restart scheduled after a back-off, left down, stopped the run).</param>
/// <param name="LastLines">The process's last output lines before it exited.</param>
public sealed record UnexpectedExit(
    string Part,
    int? Instance,
    string Name,
    int ExitCode,
    string? Signal,
    double T,
    DateTimeOffset At,
    string Then,
    IReadOnlyList<string> LastLines)
{
    /// <summary><c>pipeline-1 SIGKILL (exit code 137) at 12.3s</c>.</summary>
    public string Describe() => $"{Name} {(Signal is null ? "" : Signal + " ")}(exit code {ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)}) at {Analysis.Units.Seconds(T)}";
}
