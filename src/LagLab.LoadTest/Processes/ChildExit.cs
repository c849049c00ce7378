namespace LagLab.LoadTest.Processes;

/// <summary>
/// How a child process ended when the harness had not asked it to: its exit code, the signal that killed it (read
/// from a code of 128 + N, as shells report it; .NET reports a signal death that way) and its last output lines.
/// </summary>
internal sealed record ChildExit(string Name, int ExitCode, int? Signal, IReadOnlyList<string> LastLines)
{
    /// <summary>Lines of output kept with an exit: enough for an exception and its stack's top frames.</summary>
    public const int KeptLines = 30;

    public static int? SignalOf(int exitCode) => exitCode is > 128 and <= 128 + 64 ? exitCode - 128 : null;

    /// <summary><c>exit code 1</c>, or <c>SIGKILL (exit code 137)</c>.</summary>
    public string How => Signal is { } signal ? $"{Signals.Name(signal)} (exit code {ExitCode})" : $"exit code {ExitCode}";
}
