using System.Diagnostics;
using System.Globalization;

namespace LagLab.Bench.Monitor;

/// <summary>
/// The full cycle in a process that does nothing else (this program with --monitor-only), as
/// <c>laglab monitor</c> runs: the bench process's own peak RSS also carries what setting up 100,000
/// committed offsets and the other collectors left in its heap.
/// </summary>
internal static class FreshProcess
{
    private const string Marker = "RESULT ";

    public static async Task<CycleBenchmark.Result> MeasureAsync(string bootstrap, int runs)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            info.ArgumentList.Add(typeof(FreshProcess).Assembly.Location);
        }
        info.ArgumentList.Add("--monitor-only");
        info.ArgumentList.Add(bootstrap);
        info.ArgumentList.Add(runs.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"monitor-only process exited with {process.ExitCode} and no result: {output}");
        var parts = line[Marker.Length..].Split(' ', 6);
        double At(int i) => double.Parse(parts[i], CultureInfo.InvariantCulture);
        return new CycleBenchmark.Result("laglab full cycle, fresh process", new ResourceMeter.Figures(At(0), At(1), At(2), At(3)), At(4), parts[5].Trim());
    }

    /// <summary>The child side: warm-up plus <paramref name="runs"/> cycles; prints the medians on one line.</summary>
    public static async Task<int> RunAsync(string bootstrap, int runs)
    {
        using var cycle = new MonitorCycle(bootstrap);
        var result = await CycleBenchmark.RepeatAsync("fresh", runs, cycle.RunAsync, cycle.Detail);
        var m = result.Median;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Marker}{m.WallMs:F1} {m.CpuMs:F1} {m.PeakRssMb:F1} {m.AllocatedMb:F2} {result.PeakRssMbMax:F1} {result.Detail}"));
        return 0;
    }
}
