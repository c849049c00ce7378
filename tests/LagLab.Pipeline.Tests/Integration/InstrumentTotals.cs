using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace LagLab.Pipeline.Tests.Integration;

/// <summary>
/// Sums what one pipeline's counters recorded, by instrument name and one tag (e.g. outcome=retaken), listening to that
/// pipeline's own meter only (other tests' pipelines run in the same process with meters of the same name).
/// </summary>
internal sealed class InstrumentTotals : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new(StringComparer.Ordinal);

    public InstrumentTotals(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            foreach (var tag in tags)
            {
                _totals.AddOrUpdate($"{instrument.Name}{{{tag.Key}={tag.Value}}}", value, (_, sum) => sum + value);
            }
        });
        _listener.Start();
    }

    /// <summary>The total of <paramref name="name"/>, or of its measurements tagged <paramref name="tag"/> (<c>key=value</c>).</summary>
    public long this[string name, string? tag = null] => _totals.GetValueOrDefault(tag is null ? name : $"{name}{{{tag}}}");

    public void Dispose() => _listener.Dispose();
}
