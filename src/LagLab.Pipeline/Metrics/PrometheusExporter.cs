using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace LagLab.Pipeline.Metrics;

/// <summary>
/// Collects one meter's instruments with a <see cref="MeterListener"/> and renders Prometheus text format 0.0.4:
/// counters as <c>_total</c>, gauges as read at scrape time, histograms with cumulative buckets, <c>_sum</c> and <c>_count</c>.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(Instrument Instrument, string Labels), Series> _series = new();
    private readonly Lock _collectLock = new();

    /// <summary>Listens to this meter instance only (not every meter of the same name, e.g. another pipeline in the process).</summary>
    public PrometheusExporter(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public string Render()
    {
        lock (_collectLock)
        {
            _listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var group in _series.GroupBy(s => s.Key.Instrument).OrderBy(g => g.Key.Name, StringComparer.Ordinal))
            {
                var instrument = group.Key;
                var (name, type) = instrument switch
                {
                    Counter<long> or Counter<int> or Counter<double> => (instrument.Name + "_total", "counter"),
                    Histogram<double> or Histogram<long> => (instrument.Name, "histogram"),
                    _ => (instrument.Name, "gauge"),
                };
                text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {instrument.Description}\n# TYPE {name} {type}\n");
                foreach (var (key, series) in group.OrderBy(s => s.Key.Labels, StringComparer.Ordinal))
                {
                    series.Render(text, name, key.Labels);
                }
            }
            return text.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        var series = _series.GetOrAdd((instrument, labels), static k => k.Instrument is Histogram<double> or Histogram<long>
            ? new Series(SecondsBuckets)
            : new Series(null));
        series.Record(instrument, value);
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return string.Empty;
        }
        var parts = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            var value = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty;
            parts.Add($"{tag.Key}=\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"");
        }
        parts.Sort(StringComparer.Ordinal);
        return string.Join(',', parts);
    }

    private sealed class Series(double[]? buckets)
    {
        private readonly Lock _lock = new();
        private readonly long[]? _bucketCounts = buckets is null ? null : new long[buckets.Length];
        private double _value;
        private double _sum;
        private long _count;

        public void Record(Instrument instrument, double value)
        {
            lock (_lock)
            {
                if (_bucketCounts is not null)
                {
                    _sum += value;
                    _count++;
                    // The first bucket whose upper bound holds the value; above the last one only +Inf (the count) holds it.
                    var index = Array.BinarySearch(buckets!, value);
                    var bucket = index >= 0 ? index : ~index;
                    if (bucket < _bucketCounts.Length)
                    {
                        _bucketCounts[bucket]++;
                    }
                }
                else if (instrument is ObservableGauge<int> or ObservableGauge<long> or ObservableGauge<double>)
                {
                    _value = value;
                }
                else
                {
                    _value += value;
                }
            }
        }

        public void Render(StringBuilder text, string name, string labels)
        {
            lock (_lock)
            {
                if (_bucketCounts is null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}{Braces(labels)} {Format(_value)}\n");
                    return;
                }
                long cumulative = 0;
                for (var i = 0; i < buckets!.Length; i++)
                {
                    cumulative += _bucketCounts[i];
                    text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{Braces(Join(labels, $"le=\"{Format(buckets[i])}\""))} {cumulative}\n");
                }
                text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{Braces(Join(labels, "le=\"+Inf\""))} {_count}\n");
                text.Append(CultureInfo.InvariantCulture, $"{name}_sum{Braces(labels)} {Format(_sum)}\n");
                text.Append(CultureInfo.InvariantCulture, $"{name}_count{Braces(labels)} {_count}\n");
            }
        }

        private static string Join(string labels, string extra) => labels.Length == 0 ? extra : labels + "," + extra;

        private static string Braces(string labels) => labels.Length == 0 ? string.Empty : "{" + labels + "}";

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
