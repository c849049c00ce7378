using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace LagLab.Cli;

/// <summary>
/// The start-up every command shares: options are built and validated before anything starts (a bad one is
/// reported as <c>laglab NAME: message</c> on stderr with exit code 2), logging goes to stderr, and a service
/// prints the one ready line scripts wait for, then runs until SIGTERM or Ctrl-C.
/// </summary>
internal static class CommandHost
{
    /// <summary>Exit code for a bad option or an environment the command cannot start in (address in use, bad file).</summary>
    public const int UsageError = 2;

    /// <summary>Builds then validates; false (after reporting it) when either throws an argument or format error.</summary>
    public static bool TryBuild<T>(string command, Func<T> build, Action<T> validate, [NotNullWhen(true)] out T? options)
        where T : class
    {
        try
        {
            var built = build();
            validate(built);
            options = built;
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Fail(command, ex.Message);
            options = null;
            return false;
        }
    }

    /// <summary>Reports <paramref name="message"/> on stderr and returns <paramref name="exitCode"/>.</summary>
    public static int Fail(string command, string message, int exitCode = UsageError)
    {
        Console.Error.WriteLine($"laglab {command}: {message}");
        return exitCode;
    }

    public static ILoggerFactory Logging(ParseResult parse, Option<bool> verbose) =>
        ConsoleLogging.Create(parse.GetValue(verbose) ? LogLevel.Debug : LogLevel.Information);

    /// <summary>Prints the ready line (stdout, flushed, machine-readable) and returns once shutdown is signalled.</summary>
    public static async Task ServeAsync(string readyLine, CancellationToken shutdown)
    {
        Console.Out.WriteLine(readyLine);
        Console.Out.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, shutdown).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
