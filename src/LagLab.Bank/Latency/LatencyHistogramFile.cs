using System.Globalization;

namespace LagLab.Bank.Latency;

/// <summary>
/// Reads a latency histogram file: one bucket per line, <c>UPPER WEIGHT</c> (space, tab or comma between), where
/// UPPER is a duration (<c>25ms</c>) and the bucket spans from the previous line's UPPER (0 for the first) to it,
/// and WEIGHT is a non-negative count or share. Blank lines and <c>#</c> comments are ignored.
/// </summary>
internal static class LatencyHistogramFile
{
    /// <summary>Loads and validates <paramref name="path"/>; every error is a <see cref="FormatException"/> as <c>PATH:LINE: reason</c>.</summary>
    public static IReadOnlyList<HistogramBucket> Load(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"{path}: cannot read: {ex.Message}", ex);
        }
        return Parse(lines, path);
    }

    /// <summary>Parses the lines of a histogram file; <paramref name="source"/> prefixes every error.</summary>
    public static IReadOnlyList<HistogramBucket> Parse(IReadOnlyList<string> lines, string source)
    {
        var buckets = new List<HistogramBucket>();
        var previous = TimeSpan.Zero;
        var previousLine = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var lineNumber = i + 1;
            var text = lines[i];
            var comment = text.IndexOf('#', StringComparison.Ordinal);
            if (comment >= 0)
            {
                text = text[..comment];
            }
            var fields = text.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0)
            {
                continue;
            }
            if (fields.Length != 2)
            {
                throw Error(source, lineNumber, $"expected 'UPPER WEIGHT' (e.g. '25ms 120'), got '{lines[i].Trim()}'.");
            }
            if (!BankDuration.TryParse(fields[0], out var upper, out var durationError))
            {
                throw Error(source, lineNumber, $"UPPER {durationError}");
            }
            if (upper <= previous)
            {
                var after = previousLine == 0 ? "0" : $"{BankDuration.Format(previous)} on line {previousLine}";
                throw Error(source, lineNumber, $"UPPER {BankDuration.Format(upper)} must be greater than {after} (bounds increase line by line).");
            }
            if (!double.TryParse(fields[1], NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var weight)
                || !double.IsFinite(weight))
            {
                throw Error(source, lineNumber, $"WEIGHT must be a non-negative number, got '{fields[1]}'.");
            }
            buckets.Add(new HistogramBucket(previous, upper, weight));
            previous = upper;
            previousLine = lineNumber;
        }
        if (buckets.Count == 0)
        {
            throw new FormatException($"{source}: no buckets: expected lines of 'UPPER WEIGHT' (e.g. '25ms 120').");
        }
        if (buckets.Sum(b => b.Weight) <= 0)
        {
            throw new FormatException($"{source}: every WEIGHT is 0; at least one bucket needs weight.");
        }
        return buckets;
    }

    private static FormatException Error(string source, int line, string reason) => new($"{source}:{line}: {reason}");
}
