using System.Globalization;

namespace LagLab.LoadTest.Sampling;

/// <summary>Reads values out of Prometheus text exposition: enough to sum one metric over its label sets.</summary>
internal static class PrometheusText
{
    /// <summary>Sum of every sample of <paramref name="metric"/> (any labels); null when the metric is absent.</summary>
    public static double? Sum(string text, string metric)
    {
        double? sum = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || !line.StartsWith(metric, StringComparison.Ordinal))
            {
                continue;
            }
            var rest = line[metric.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' '))
            {
                // Another metric with this one's name as prefix.
                continue;
            }
            var valueStart = rest[0] == '{' ? rest.IndexOf('}', StringComparison.Ordinal) + 1 : 0;
            var fields = rest[valueStart..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                sum = (sum ?? 0) + value;
            }
        }
        return sum;
    }
}
