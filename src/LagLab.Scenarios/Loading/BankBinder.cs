namespace LagLab.Scenarios.Loading;

/// <summary><c>bank:</c> rate limit, latency (p50/p99 or histogram), errors, outages.</summary>
internal static class BankBinder
{
    public static BankSpec Bind(MappingReader? r)
    {
        var spec = new BankSpec();
        if (r is null)
        {
            return spec;
        }
        var rate = r.Rate("rate_limit");
        if (rate is 0)
        {
            r.Error("rate_limit", "must be above 0");
        }
        spec = spec with
        {
            RateLimit = rate is > 0 ? rate.Value : spec.RateLimit,
            Burst = r.Int("burst", 1, int.MaxValue, "burst"),
            Latency = Latency(r.Mapping("latency")),
            ErrorRate = r.Number("error_rate", 0, 0.99, "error_rate") ?? 0,
            TimeoutRate = r.Number("timeout_rate", 0, 0.99, "timeout_rate") ?? 0,
            Outages = Outages(r),
        };
        if (spec.ErrorRate + spec.TimeoutRate >= 1)
        {
            r.Error("timeout_rate", "error_rate + timeout_rate must stay below 1");
        }
        r.Finish();
        return spec;
    }

    private static LatencySpec Latency(MappingReader? r)
    {
        var spec = new LatencySpec();
        if (r is null)
        {
            return spec;
        }
        var p50 = r.Duration("p50");
        var p99 = r.Duration("p99");
        var histogram = new List<LatencyBucket>();
        if (r.Sequence("histogram") is { } list)
        {
            for (var i = 0; i < list.Children.Count; i++)
            {
                var b = MappingReader.Open(list.Children[i], $"{r.PathOf("histogram")}[{i}]", r.Errors);
                if (b is null)
                {
                    continue;
                }
                var latency = b.RequiredDuration("latency");
                var weight = b.Required("weight") is not null ? b.Number("weight", 0, double.MaxValue, "weight") : null;
                b.Finish();
                if (latency is { } l && weight is { } w)
                {
                    histogram.Add(new LatencyBucket(l, w));
                }
            }
            if (list.Children.Count == 0 || (histogram.Count > 0 && histogram.Sum(b => b.Weight) <= 0))
            {
                r.Error("histogram", "needs at least one bucket with a weight above 0");
            }
        }
        r.Finish();
        if (histogram.Count > 0 && (p50 is not null || p99 is not null))
        {
            r.Error("histogram", "give either p50/p99 or a histogram, not both");
        }
        spec = spec with { P50 = p50 ?? spec.P50, P99 = p99 ?? spec.P99, Histogram = histogram };
        if (histogram.Count == 0 && spec.P99 < spec.P50)
        {
            r.Error(p99 is not null ? "p99" : "p50", $"p99 ({Duration.Format(spec.P99)}) must not be below p50 ({Duration.Format(spec.P50)})");
        }
        return spec;
    }

    private static List<Outage> Outages(MappingReader r)
    {
        var outages = new List<Outage>();
        if (r.Sequence("outages") is not { } list)
        {
            return outages;
        }
        for (var i = 0; i < list.Children.Count; i++)
        {
            var o = MappingReader.Open(list.Children[i], $"{r.PathOf("outages")}[{i}]", r.Errors);
            if (o is null)
            {
                continue;
            }
            var at = o.RequiredDuration("at", allowZero: true);
            var length = o.RequiredDuration("duration");
            o.Finish();
            if (at is { } a && length is { } l)
            {
                outages.Add(new Outage(a, l));
            }
        }
        return outages;
    }
}
