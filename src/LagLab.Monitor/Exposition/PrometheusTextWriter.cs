using System.Buffers;
using System.Globalization;
using System.Text;

namespace LagLab.Monitor.Exposition;

/// <summary>
/// Prometheus text exposition format 0.0.4: HELP and TYPE lines, then one line per series. Rendered in
/// 64 KiB chunks straight to the response at scrape time: at 100,000 group-partitions the text is tens of
/// MB, and holding it between scrapes would double the monitor's memory.
/// </summary>
internal static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private const int ChunkChars = 64 * 1024;

    public static string Write(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder();
        foreach (var chunk in Chunks(families))
        {
            text.Append(chunk);
            chunk.Clear();
        }
        return text.ToString();
    }

    public static async Task WriteAsync(IEnumerable<MetricFamily> families, Stream output, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(ChunkChars + 4096));
        try
        {
            foreach (var chunk in Chunks(families))
            {
                var length = 0;
                foreach (var piece in chunk.GetChunks())
                {
                    length += Encoding.UTF8.GetBytes(piece.Span, buffer.AsSpan(length));
                }
                chunk.Clear();
                await output.WriteAsync(buffer.AsMemory(0, length), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The text in pieces of about <see cref="ChunkChars"/>; the caller empties each before asking for the next.</summary>
    private static IEnumerable<StringBuilder> Chunks(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder(ChunkChars + 4096);
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
                text.Append(' ');
                AppendValue(text, value);
                text.Append('\n');
                if (text.Length >= ChunkChars)
                {
                    yield return text;
                }
            }
        }
        if (text.Length > 0)
        {
            yield return text;
        }
    }

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static void AppendValue(StringBuilder text, double value)
    {
        if (double.IsFinite(value))
        {
            Span<char> digits = stackalloc char[32];
            if (value.TryFormat(digits, out var written, "R", CultureInfo.InvariantCulture))
            {
                text.Append(digits[..written]);
                return;
            }
        }
        text.Append(FormatValue(value));
    }

    private static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabelValue(string value) =>
        value.AsSpan().IndexOfAny('\\', '"', '\n') < 0
            ? value
            : value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
