using System.Runtime.InteropServices;

namespace LagLab.LoadTest.Processes;

/// <summary>POSIX signals the harness sends to its children (stop/continue a frozen broker, terminate, kill) and their names.</summary>
internal static partial class Signals
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    /// <summary>The usual name of a Linux signal number (SIGKILL for 9), or SIG + the number.</summary>
    public static string Name(int signal) => signal switch
    {
        1 => "SIGHUP",
        2 => "SIGINT",
        3 => "SIGQUIT",
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        SigKill => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        14 => "SIGALRM",
        SigTerm => "SIGTERM",
        _ => "SIG" + signal.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Sends <paramref name="signal"/>; false when the process is gone.</summary>
    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
