using System.Globalization;
using System.Text;
using System.Text.Json;
using LagLab.LoadTest.Parts;

namespace LagLab.LoadTest.Sampling;

/// <summary>
/// The monitor's own lag series for the run's group (its <c>/api/groups/GROUP</c> history, one point per poll),
/// saved as <c>monitor-lag.csv</c> beside lag.csv before the monitor stops: what the monitor showed, on the same
/// clock as the harness's samples (seconds from the start of traffic), so the two can be compared afterwards.
/// </summary>
internal static class MonitorLagFile
{
    public const string FileName = "monitor-lag.csv";

    public static async Task WriteAsync(MonitorProcess? monitor, string group, TimeSpan interval, DateTimeOffset startedAt, string directory, RunRecorder recorder, CancellationToken cancellationToken)
    {
        if (monitor is null)
        {
            return;
        }
        try
        {
            using var http = new HttpClient { BaseAddress = monitor.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            await using var stream = await http.GetStreamAsync("api/groups/" + Uri.EscapeDataString(group), cancellationToken);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            var csv = new StringBuilder();
            csv.Append("# interval_seconds=").Append(interval.TotalSeconds.ToString(CultureInfo.InvariantCulture)).Append('\n');
            csv.Append("t,lag\n");
            foreach (var point in document.RootElement.GetProperty("history").EnumerateArray())
            {
                var t = (point.GetProperty("time").GetDateTimeOffset() - startedAt).TotalSeconds;
                csv.Append(Math.Round(t, 3).ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(point.GetProperty("lagSum").GetInt64().ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(Path.Combine(directory, FileName), csv.ToString(), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException && !cancellationToken.IsCancellationRequested)
        {
            recorder.Note(0, $"the monitor's lag history could not be saved ({ex.Message}); the monitor is not compared with the harness");
        }
    }
}
