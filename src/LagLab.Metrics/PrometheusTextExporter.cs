using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace LagLab.Metrics;

/// <summary>
/// Renders the instruments of one <see cref="Meter"/> as Prometheus text (format 0.0.4). A <see cref="MeterListener"/>
/// aggregates pushed measurements (counters add, histograms bucket) and observes the observable ones at scrape time.
/// Counter names get <c>_total</c>; instrument names are already Prometheus base names with units. Listens to this
/// meter instance only, not every meter of the same name (tests run several banks or pipelines in one process).
/// </summary>
public sealed class PrometheusTextExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly Meter _meter;
    private readonly IReadOnlyList<double> _bounds;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, ConcurrentDictionary<string, MetricSeries>> _series = new();
    private readonly Lock _scrapeLock = new();

    /// <param name="meter">The meter whose instruments are exported.</param>
    /// <param name="histogramBounds">Ascending upper bounds of every histogram's buckets; +Inf is implied.</param>
    public PrometheusTextExporter(Meter meter, IReadOnlyList<double> histogramBounds)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(histogramBounds);
        _meter = meter;
        _bounds = histogramBounds;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _meter))
            {
                _series.TryAdd(instrument, new ConcurrentDictionary<string, MetricSeries>(StringComparer.Ordinal));
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The current text of every instrument, sorted by name.</summary>
    public string Render()
    {
        var text = new StringBuilder(4096);
        lock (_scrapeLock)
        {
            foreach (var (instrument, series) in _series)
            {
                if (instrument.IsObservable)
                {
                    series.Clear();
                }
            }
            _listener.RecordObservableInstruments();
            foreach (var (instrument, series) in _series.OrderBy(p => p.Key.Name, StringComparer.Ordinal))
            {
                if (series.IsEmpty)
                {
                    continue;
                }
                Write(text, instrument, series.Values.OrderBy(s => s.Labels, StringComparer.Ordinal));
            }
        }
        return text.ToString();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (!_series.TryGetValue(instrument, out var byLabels))
        {
            return;
        }
        var labels = RenderLabels(tags);
        var series = byLabels.GetOrAdd(labels, static (key, count) => new MetricSeries(key, count), _bounds.Count + 1);
        switch (instrument)
        {
            case Histogram<double> or Histogram<long>:
                series.Observe(value, _bounds);
                break;
            case Counter<long> or Counter<double> or UpDownCounter<long> or UpDownCounter<double>:
                series.Add(value);
                break;
            default:
                series.Set(value);
                break;
        }
    }

    private void Write(StringBuilder text, Instrument instrument, IEnumerable<MetricSeries> series)
    {
        var (name, type) = instrument switch
        {
            Counter<long> or Counter<double> or ObservableCounter<long> or ObservableCounter<double> => (instrument.Name + "_total", "counter"),
            Histogram<double> or Histogram<long> => (instrument.Name, "histogram"),
            _ => (instrument.Name, "gauge"),
        };
        text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(instrument.Description ?? instrument.Name)).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        foreach (var s in series)
        {
            if (type != "histogram")
            {
                Sample(text, name, s.Labels, null, s.Value);
                continue;
            }
            var (buckets, sum, count) = s.HistogramSnapshot();
            long cumulative = 0;
            for (var i = 0; i < buckets.Length; i++)
            {
                cumulative += buckets[i];
                var le = i < _bounds.Count ? Number(_bounds[i]) : "+Inf";
                Sample(text, name + "_bucket", s.Labels, $"le=\"{le}\"", cumulative);
            }
            Sample(text, name + "_sum", s.Labels, null, sum);
            Sample(text, name + "_count", s.Labels, null, count);
        }
    }

    private static void Sample(StringBuilder text, string name, string labels, string? extra, double value)
    {
        text.Append(name);
        if (labels.Length > 0 || extra is not null)
        {
            text.Append('{').Append(labels);
            if (extra is not null)
            {
                text.Append(labels.Length > 0 ? "," : string.Empty).Append(extra);
            }
            text.Append('}');
        }
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string RenderLabels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return string.Empty;
        }
        var pairs = tags.ToArray();
        Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var text = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }
            text.Append(key).Append("=\"").Append(EscapeLabel(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)).Append('"');
        }
        return text.ToString();
    }

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public void Dispose() => _listener.Dispose();
}
