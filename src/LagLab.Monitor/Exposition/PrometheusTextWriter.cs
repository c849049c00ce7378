using System.Globalization;
using System.Text;

namespace LagLab.Monitor.Exposition;

/// <summary>Prometheus text exposition format 0.0.4: HELP and TYPE lines, then one line per series.</summary>
internal static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families) => Encoding.UTF8.GetString(WriteUtf8(families).Span);

    /// <summary>
    /// The exposition as UTF-8 bytes, written in chunks (no whole-text UTF-16 copy: /metrics can be tens of
    /// MB); <paramref name="sizeHint"/> (the previous size) avoids regrowing the buffer.
    /// </summary>
    public static ReadOnlyMemory<byte> WriteUtf8(IEnumerable<MetricFamily> families, int sizeHint = 0)
    {
        var output = new MemoryStream(sizeHint > 0 ? sizeHint + (sizeHint / 8) : 0);
        var text = new StringBuilder();
        foreach (var family in families)
        {
            WriteFamily(text, family, output);
        }
        Flush(text, output);
        return output.GetBuffer().AsMemory(0, (int)output.Length);
    }

    private static void Flush(StringBuilder text, MemoryStream output)
    {
        foreach (var chunk in text.GetChunks())
        {
            var bytes = Encoding.UTF8.GetByteCount(chunk.Span);
            var start = (int)output.Length;
            output.SetLength(start + bytes);
            Encoding.UTF8.GetBytes(chunk.Span, output.GetBuffer().AsSpan(start, bytes));
        }
        output.Position = output.Length;
        text.Clear();
    }

    private static void WriteFamily(StringBuilder text, MetricFamily family, MemoryStream output)
    {
        if (family.Series.Count == 0)
        {
            return; // a family without series is left out, so nothing stale lingers
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
            if (text.Length > 64 * 1024)
            {
                Flush(text, output);
            }
        }
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
