using System.Globalization;

namespace LagLab.LoadTest.Processes;

/// <summary>CPU time and resident memory of a process, read from /proc (Linux), as <c>top</c> would.</summary>
internal static class ProcessUsage
{
    /// <summary>USER_HZ: the unit of utime/stime in /proc/PID/stat; 100 on every Linux ABI .NET runs on.</summary>
    private const double ClockTicksPerSecond = 100;

    /// <summary>Total CPU seconds (user + system) and RSS bytes; null when the process is gone or /proc is absent.</summary>
    public static (double CpuSeconds, long RssBytes)? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var cpu = ParseCpuSeconds(stat);
            var rss = ParseRssBytes(File.ReadAllLines($"/proc/{pid}/status"));
            return cpu is { } c && rss is { } r ? (c, r) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>utime + stime of a /proc/PID/stat line (fields 14 and 15; the command name in parentheses may hold spaces).</summary>
    public static double? ParseCpuSeconds(string stat)
    {
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }
        // After ") " come the fields from the 3rd (state) on: utime is the 14th field, so index 11 here.
        var fields = stat[(close + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 13
            || !long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var utime)
            || !long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var stime))
        {
            return null;
        }
        return (utime + stime) / ClockTicksPerSecond;
    }

    /// <summary>VmRSS of /proc/PID/status, in bytes.</summary>
    public static long? ParseRssBytes(IEnumerable<string> statusLines)
    {
        foreach (var line in statusLines)
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                continue;
            }
            var parts = line["VmRSS:".Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return parts.Length > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
        }
        return null;
    }
}
