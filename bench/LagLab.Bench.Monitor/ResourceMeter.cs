using System.Diagnostics;
using System.Globalization;

namespace LagLab.Bench.Monitor;

/// <summary>Wall time, CPU time, process peak RSS (Linux VmHWM, reset before each run) and managed allocations of one run.</summary>
internal static class ResourceMeter
{
    public readonly record struct Figures(double WallMs, double CpuMs, double PeakRssMb, double AllocatedMb);

    public static async Task<Figures> MeasureAsync(Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        ResetPeak();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await run();
        watch.Stop();
        process.Refresh();
        return new Figures(
            watch.Elapsed.TotalMilliseconds,
            (process.TotalProcessorTime - cpu).TotalMilliseconds,
            PeakRssBytes() / 1048576.0,
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0);
    }

    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5"); // resets VmHWM to the current RSS
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static long PeakRssBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        return Environment.WorkingSet;
    }
}
