using System.Globalization;
using System.Text;

namespace LagLab.Monitor.Exposition;

/// <summary>Prometheus text exposition format 0.0.4: HELP and TYPE lines, then one line per series.</summary>
internal static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder();
        foreach (var family in families)
        {
            if (family.Series.Count == 0)
            {
                continue; // a family without series is left out, so nothing stale lingers
            }
            text.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Type == MetricType.Counter ? "counter" : "gauge").Append('\n');
            foreach (var (labels, value) in family.Series)
            {
                text.Append(family.Name);
                if (labels.Pairs.Count > 0)
                {
                    text.Append('{');
                    var first = true;
                    foreach (var (name, labelValue) in labels.Pairs)
                    {
                        text.Append(first ? "" : ",").Append(name).Append("=\"").Append(EscapeLabelValue(labelValue)).Append('"');
                        first = false;
                    }
                    text.Append('}');
                }
                text.Append(' ').Append(FormatValue(value)).Append('\n');
            }
        }
        return text.ToString();
    }

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
