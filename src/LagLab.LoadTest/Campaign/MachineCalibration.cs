using System.Text.Json;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Campaign;

/// <summary>
/// Machine-wide mechanism inputs of the capacity model (not a per-scenario `laglab calibrate` file) (<c>--calibration FILE</c>), put into each
/// scenario before the campaign forecasts it. The run itself is untouched: only the forecast's copy changes. A JSON
/// file; every field is optional and durations use the scenario grammar:
/// <code>
/// { "source": "calibrated on host x, load 6",
///   "call_overhead_blocking": "8ms", "call_overhead_concurrent": "7ms",
///   "restart_extra": "4s",            // added to replacement_time: stop, process start, join, first record
///   "rebalance_time_eager": "750ms", "rebalance_time_cooperative": "500ms",
///   "restart_replay": 0 }
/// </code>
/// </summary>
public sealed record MachineCalibration
{
    public string Source { get; init; } = "";
    public TimeSpan? CallOverheadBlocking { get; init; }
    public TimeSpan? CallOverheadConcurrent { get; init; }
    public TimeSpan? RestartExtra { get; init; }
    public TimeSpan? RebalanceTimeEager { get; init; }
    public TimeSpan? RebalanceTimeCooperative { get; init; }
    public int? RestartReplay { get; init; }

    private static readonly string[] Fields = ["source", "call_overhead_blocking", "call_overhead_concurrent", "restart_extra", "rebalance_time_eager", "rebalance_time_cooperative", "restart_replay"];

    /// <summary>The scenario as the calibrated model should see it.</summary>
    public Scenario Apply(Scenario scenario)
    {
        var fleet = scenario.Fleet;
        var blocking = fleet.Processing == ProcessingMode.Blocking;
        return scenario with
        {
            Fleet = fleet with
            {
                CallOverhead = (blocking ? CallOverheadBlocking : CallOverheadConcurrent) ?? fleet.CallOverhead,
                RestartTime = fleet.ReplacementTime + (RestartExtra ?? TimeSpan.Zero),
                RebalanceTime = (fleet.IsEager ? RebalanceTimeEager : RebalanceTimeCooperative) ?? fleet.RebalanceTime,
                RestartReplay = RestartReplay ?? fleet.RestartReplay,
            },
        };
    }

    /// <summary>Reads a calibration file; every problem is an <see cref="ArgumentException"/> naming the file and field.</summary>
    public static MachineCalibration Load(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ArgumentException($"--calibration {path}: {ex.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException($"--calibration {path}: expected a JSON object");
            }
            foreach (var property in root.EnumerateObject().Where(p => !Fields.Contains(p.Name)))
            {
                throw new ArgumentException($"--calibration {path}: unknown field \"{property.Name}\" (known: {string.Join(", ", Fields)})");
            }
            TimeSpan? Span(string name)
            {
                if (!root.TryGetProperty(name, out var value))
                {
                    return null;
                }
                if (value.ValueKind != JsonValueKind.String)
                {
                    throw new ArgumentException($"--calibration {path}: {name}: expected a duration such as \"8ms\"");
                }
                if (!Duration.TryParse(value.GetString()!, out var span, out var error))
                {
                    throw new ArgumentException($"--calibration {path}: {name}: {error}");
                }
                if (span < TimeSpan.Zero)
                {
                    throw new ArgumentException($"--calibration {path}: {name}: cannot be negative");
                }
                return span;
            }
            int? replay = null;
            if (root.TryGetProperty("restart_replay", out var r))
            {
                replay = r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var n) && n >= 0
                    ? n
                    : throw new ArgumentException($"--calibration {path}: restart_replay: expected a whole number of events, 0 or more");
            }
            return new MachineCalibration
            {
                Source = root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : path,
                CallOverheadBlocking = Span("call_overhead_blocking"),
                CallOverheadConcurrent = Span("call_overhead_concurrent"),
                RestartExtra = Span("restart_extra"),
                RebalanceTimeEager = Span("rebalance_time_eager"),
                RebalanceTimeCooperative = Span("rebalance_time_cooperative"),
                RestartReplay = replay,
            };
        }
    }
}
