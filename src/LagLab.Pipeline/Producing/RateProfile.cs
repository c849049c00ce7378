using System.Globalization;

namespace LagLab.Pipeline.Producing;

/// <summary>
/// The rate over time for <c>laglab produce</c>: a constant rate, or a profile file of segments, one per line,
/// <c>DURATION RATE</c> (constant) or <c>DURATION FROM-&gt;TO</c> (linear ramp); durations as <c>500ms</c>, <c>30s</c>,
/// <c>5m</c>, <c>1h</c>; <c>#</c> starts a comment. Peaks and diurnal curves are sequences of segments.
/// </summary>
public sealed class RateProfile
{
    private RateProfile(IReadOnlyList<RateSegment> segments, bool repeatLast)
    {
        Segments = segments;
        RepeatLast = repeatLast;
    }

    public IReadOnlyList<RateSegment> Segments { get; }

    /// <summary>A constant rate runs until the count is reached; a file profile ends with its last segment.</summary>
    public bool RepeatLast { get; }

    public TimeSpan Duration => Segments.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    public static RateProfile Constant(double rate)
    {
        if (!(rate > 0) || !double.IsFinite(rate))
        {
            throw new ArgumentException($"--rate must be above 0, got {rate}.");
        }
        return new RateProfile([new RateSegment(TimeSpan.MaxValue, rate, rate)], repeatLast: true);
    }

    /// <summary>Parses a profile file's text; errors name the line and what is wrong.</summary>
    public static RateProfile Parse(string text, string source)
    {
        var segments = new List<RateSegment>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            line = (hash >= 0 ? line[..hash] : line).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var where = $"{source}:{i + 1}";
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                throw new FormatException($"{where}: expected 'DURATION RATE' or 'DURATION FROM->TO', got '{line}'.");
            }
            var duration = ParseDuration(parts[0], where);
            var rates = parts[1].Split("->");
            if (rates.Length > 2)
            {
                throw new FormatException($"{where}: a ramp is FROM->TO, got '{parts[1]}'.");
            }
            var from = ParseRate(rates[0], where);
            var to = rates.Length == 2 ? ParseRate(rates[1], where) : from;
            segments.Add(new RateSegment(duration, from, to));
        }
        if (segments.Count == 0)
        {
            throw new FormatException($"{source}: the profile has no segments.");
        }
        if (segments.All(s => s.From == 0 && s.To == 0))
        {
            throw new FormatException($"{source}: every segment has rate 0; nothing would be produced.");
        }
        return new RateProfile(segments, repeatLast: false);
    }

    /// <summary>
    /// How many events should have been sent <paramref name="elapsed"/> after the start (the integral of the rate), or null
    /// once a file profile is over.
    /// </summary>
    public double? EventsDueBy(TimeSpan elapsed)
    {
        double due = 0;
        var start = TimeSpan.Zero;
        foreach (var segment in Segments)
        {
            var inSegment = elapsed - start;
            var isLast = ReferenceEquals(segment, Segments[^1]);
            if (segment.Duration == TimeSpan.MaxValue || inSegment < segment.Duration)
            {
                var t = inSegment.TotalSeconds;
                var slope = segment.Duration == TimeSpan.MaxValue ? 0 : (segment.To - segment.From) / segment.Duration.TotalSeconds;
                return due + (segment.From * t) + (slope * t * t / 2);
            }
            due += (segment.From + segment.To) / 2 * segment.Duration.TotalSeconds;
            start += segment.Duration;
            if (isLast)
            {
                return RepeatLast ? due : null;
            }
        }
        return null;
    }

    private static TimeSpan ParseDuration(string text, string where)
    {
        (string number, double scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.Ordinal) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ when text.EndsWith('h') => (text[..^1], 3600.0),
            _ => (string.Empty, 0.0),
        };
        if (scale == 0 || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || !double.IsFinite(value))
        {
            throw new FormatException($"{where}: duration must be a positive number with ms, s, m or h, got '{text}'.");
        }
        return TimeSpan.FromSeconds(value * scale);
    }

    private static double ParseRate(string text, string where)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || !double.IsFinite(value))
        {
            throw new FormatException($"{where}: rate must be a number of events per second, 0 or more, got '{text}'.");
        }
        return value;
    }
}
