using System.Globalization;

namespace LagLab.Scenarios.Loading;

/// <summary>
/// The replay file: one <c>time,rate</c> row per line; time in seconds (<c>90</c>) or as a duration (<c>1m30s</c>),
/// rate in events/s; an optional header row; <c>#</c> comments and blank lines ignored. Times start at 0 and rise.
/// </summary>
internal static class CsvRates
{
    public static List<(double Time, double Rate)>? Read(string file, out List<string> errors)
    {
        errors = [];
        var points = new List<(double Time, double Rate)>();
        string[] lines;
        try
        {
            lines = BoundedFile.ReadAllText(file, BoundedFile.MaxReplayBytes).Split('\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{Path.GetFileName(file)}: cannot read the file: {ex.Message}");
            return null;
        }
        var name = Path.GetFileName(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var cells = line.Split(',', StringSplitOptions.TrimEntries);
            if (points.Count == 0 && errors.Count == 0 && cells.Length == 2 && !char.IsAsciiDigit(cells[0].FirstOrDefault()))
            {
                continue; // header
            }
            var where = $"{name} line {i + 1}";
            if (cells.Length != 2)
            {
                errors.Add($"{where}: expected 2 columns (time,rate), got {cells.Length}");
                continue;
            }
            double time;
            if (double.TryParse(cells[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                time = seconds;
            }
            else if (Duration.TryParse(cells[0], out var span, out var durationError))
            {
                time = span.TotalSeconds;
            }
            else
            {
                errors.Add($"{where}: time: {durationError}");
                continue;
            }
            if (!double.TryParse(cells[1].Replace("/s", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || !double.IsFinite(rate))
            {
                errors.Add($"{where}: expected a rate in events/s, got \"{cells[1]}\"");
                continue;
            }
            if (rate < 0)
            {
                errors.Add($"{where}: a rate cannot be negative, got {cells[1]}");
                continue;
            }
            if (points.Count == 0 && time != 0)
            {
                errors.Add($"{where}: the first row must be at time 0, got {cells[0]}");
                continue;
            }
            if (points.Count > 0 && time <= points[^1].Time)
            {
                errors.Add($"{where}: times must increase, {cells[0]} is not after the previous row");
                continue;
            }
            points.Add((time, rate));
        }
        if (points.Count == 0 && errors.Count == 0)
        {
            errors.Add($"{name}: no rows (expected lines of time,rate)");
        }
        return errors.Count == 0 ? points : null;
    }
}
