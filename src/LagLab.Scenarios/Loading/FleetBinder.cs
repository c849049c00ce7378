namespace LagLab.Scenarios.Loading;

/// <summary><c>fleet:</c> with the cross-field rules of blocking processing.</summary>
internal static class FleetBinder
{
    public static FleetSpec Bind(MappingReader? r)
    {
        var spec = new FleetSpec();
        if (r is null)
        {
            return spec;
        }
        var processing = r.Choice("processing", Choices.Processing) ?? spec.Processing;
        var blocking = processing == ProcessingMode.Blocking;
        var concurrency = r.Int("concurrency", 1, 100_000, "concurrency");
        var buffer = r.Choice("buffer", Choices.Buffers);
        spec = spec with
        {
            Kind = r.Choice("type", Choices.Fleet) ?? spec.Kind,
            Instances = r.Int("instances", 1, 1000, "instances") ?? spec.Instances,
            Group = r.Text("group") ?? spec.Group,
            Assignor = r.Choice("assignor", Choices.Assignors) ?? spec.Assignor,
            StaticMembership = r.Bool("static_membership") ?? spec.StaticMembership,
            Processing = processing,
            Concurrency = blocking ? 1 : concurrency ?? spec.Concurrency,
            Buffer = buffer ?? (blocking ? BufferMode.None : spec.Buffer),
            BufferLimit = r.Int("buffer_limit", 1, int.MaxValue, "buffer_limit") ?? spec.BufferLimit,
            RateLimit = r.Rate("rate_limit"),
            RestartTime = r.Duration("restart_time", allowZero: true) ?? spec.RestartTime,
            RebalanceTime = r.Duration("rebalance_time", allowZero: true) ?? spec.RebalanceTime,
            SessionTimeout = r.Duration("session_timeout") ?? spec.SessionTimeout,
            CallOverhead = r.Duration("call_overhead", allowZero: true) ?? spec.CallOverhead,
            RestartReplay = r.Int("restart_replay", 0, int.MaxValue, "restart_replay") ?? spec.RestartReplay,
        };
        if (blocking && concurrency is > 1)
        {
            r.Error("concurrency", "blocking processing makes one call at a time per consumer; concurrency needs processing: concurrent");
        }
        if (blocking && buffer is { } b && b != BufferMode.None)
        {
            r.Error("buffer", "blocking processing has no buffer (it waits on the bank inside the poll loop); use processing: concurrent");
        }
        if (!blocking && buffer == BufferMode.None)
        {
            r.Error("buffer", "concurrent processing buffers in memory or durably; buffer: none is only for blocking");
        }
        if (spec.RateLimit is 0)
        {
            r.Error("rate_limit", "must be above 0 (leave it out for no client-side limiter)");
        }
        DeprecatedMechanismKeys.Warn(r);
        r.Finish();
        return spec;
    }
}
