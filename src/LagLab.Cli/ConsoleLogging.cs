using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace LagLab.Cli;

/// <summary>One console logger setup for every command: single-line, timestamped, to stderr so stdout stays for data.</summary>
internal static class ConsoleLogging
{
    public static ILoggerFactory Create(LogLevel minimum) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(minimum)
            .AddFilter("Microsoft", LogLevel.Warning)
            // The host's only errors are start failures (a --listen address that cannot be bound), which it logs with a
            // stack trace; the command reports them itself as one line naming the option. No part runs hosted services.
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
                o.UseUtcTimestamp = true;
            }));
}
