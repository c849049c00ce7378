using System.Diagnostics.Metrics;

namespace LagLab.Metrics.Tests;

public sealed class PrometheusTextExporterTests : IDisposable
{
    private readonly Meter _meter = new("LagLab.Metrics.Tests");

    [Fact]
    public void Render_Counter_AddsTotalAndSumsPerLabelSet()
    {
        var counter = _meter.CreateCounter<long>("laglab_test_things", null, "Things seen");
        using var exporter = new PrometheusTextExporter(_meter, [1]);
        counter.Add(2, new KeyValuePair<string, object?>("kind", "a"));
        counter.Add(3, new KeyValuePair<string, object?>("kind", "a"));
        counter.Add(1, new KeyValuePair<string, object?>("kind", "b"));

        var text = exporter.Render();

        Assert.Equal(
            "# HELP laglab_test_things_total Things seen\n# TYPE laglab_test_things_total counter\n" +
            "laglab_test_things_total{kind=\"a\"} 5\nlaglab_test_things_total{kind=\"b\"} 1\n",
            text);
    }

    [Fact]
    public void Render_Histogram_CumulativeBucketsSumAndCount()
    {
        var histogram = _meter.CreateHistogram<double>("laglab_test_seconds", "s", "Durations");
        using var exporter = new PrometheusTextExporter(_meter, [0.1, 1]);
        histogram.Record(0.05);
        histogram.Record(0.1);
        histogram.Record(0.5);
        histogram.Record(7);

        var lines = exporter.Render().Split('\n');

        Assert.Contains("laglab_test_seconds_bucket{le=\"0.1\"} 2", lines);
        Assert.Contains("laglab_test_seconds_bucket{le=\"1\"} 3", lines);
        Assert.Contains("laglab_test_seconds_bucket{le=\"+Inf\"} 4", lines);
        Assert.Contains("laglab_test_seconds_sum 7.65", lines);
        Assert.Contains("laglab_test_seconds_count 4", lines);
        Assert.Contains("# TYPE laglab_test_seconds histogram", lines);
    }

    [Fact]
    public void Render_ValueAboveLastBound_CountsOnlyInInf()
    {
        var histogram = _meter.CreateHistogram<double>("laglab_test_delay_seconds", "s", "Delays");
        using var exporter = new PrometheusTextExporter(_meter, [1, 60]);
        histogram.Record(3 * 3600);

        var lines = exporter.Render().Split('\n');

        Assert.Contains("laglab_test_delay_seconds_bucket{le=\"60\"} 0", lines);
        Assert.Contains("laglab_test_delay_seconds_bucket{le=\"+Inf\"} 1", lines);
    }

    [Fact]
    public void Render_ObservableCounter_IsACounterWithTheObservedTotal()
    {
        long total = 3;
        _meter.CreateObservableCounter("laglab_test_requests", () => total, null, "Requests");
        using var exporter = new PrometheusTextExporter(_meter, [1]);

        Assert.Contains("# TYPE laglab_test_requests_total counter\nlaglab_test_requests_total 3\n", exporter.Render(), StringComparison.Ordinal);
        total = 5;
        Assert.Contains("laglab_test_requests_total 5\n", exporter.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ObservableGauge_ShowsTheValueAtScrapeTime()
    {
        var value = 1.5;
        _meter.CreateObservableGauge("laglab_test_level", () => value, null, "Level");
        using var exporter = new PrometheusTextExporter(_meter, [1]);

        Assert.Contains("laglab_test_level 1.5\n", exporter.Render(), StringComparison.Ordinal);
        value = 4;
        Assert.Contains("laglab_test_level 4\n", exporter.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LabelWithQuoteBackslashAndNewline_IsEscaped()
    {
        var counter = _meter.CreateCounter<long>("laglab_test_escaped");
        using var exporter = new PrometheusTextExporter(_meter, [1]);
        counter.Add(1, new KeyValuePair<string, object?>("v", "a\"b\\c\nd"));

        Assert.Contains("laglab_test_escaped_total{v=\"a\\\"b\\\\c\\nd\"} 1\n", exporter.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OtherMetersInstruments_AreLeftOut()
    {
        using var other = new Meter("LagLab.Metrics.Tests.Other");
        other.CreateCounter<long>("laglab_test_other").Add(1);
        using var exporter = new PrometheusTextExporter(_meter, [1]);

        Assert.DoesNotContain("laglab_test_other", exporter.Render(), StringComparison.Ordinal);
    }

    public void Dispose() => _meter.Dispose();
}
