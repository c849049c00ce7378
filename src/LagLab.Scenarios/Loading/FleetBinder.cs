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
            ReplacementTime = r.Duration("replacement_time", allowZero: true) ?? spec.ReplacementTime,
            RebalanceTime = r.Duration("rebalance_time", allowZero: true) ?? spec.RebalanceTime,
            SessionTimeout = r.Duration("session_timeout") ?? spec.SessionTimeout,
            CallOverhead = r.Duration("call_overhead", allowZero: true) ?? spec.CallOverhead,
            RestartReplay = r.Int("restart_replay", 0, int.MaxValue, "restart_replay") ?? spec.RestartReplay,
            RestartPolicy = r.Choice("restart_policy", Choices.RestartPolicies) ?? spec.RestartPolicy,
            RestartBackoff = r.Duration("restart_backoff") ?? spec.RestartBackoff,
            RestartBackoffMax = r.Duration("restart_backoff_max") ?? spec.RestartBackoffMax,
        };
        CheckRestartPolicy(r, spec);
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
        if (spec.RestartTime < spec.ReplacementTime)
        {
            // Both are wall time; the restart the model pauses for contains the orchestrator's replacement.
            r.Error(r.Has("restart_time") ? "restart_time" : "replacement_time",
                $"restart_time ({Duration.Format(spec.RestartTime)}, the model's pause from stop to first record applied) cannot be shorter than replacement_time ({Duration.Format(spec.ReplacementTime)}, the orchestrator's time from the old process's exit to the new one's start, which it contains)");
        }
        if (spec.RateLimit is 0)
        {
            r.Error("rate_limit", "must be above 0 (leave it out for no client-side limiter)");
        }
        DeprecatedMechanismKeys.Warn(r);
        r.Finish();
        return spec;
    }

    /// <summary>Back-off fields only mean something with on-failure, and only for a fleet the harness runs.</summary>
    private static void CheckRestartPolicy(MappingReader r, FleetSpec spec)
    {
        if (spec.RestartPolicy == RestartPolicy.OnFailure && spec.Kind == FleetKind.External)
        {
            r.Error("restart_policy", "the harness does not run an external fleet, so it cannot restart it (its own orchestrator does); use type: local or leave restart_policy out");
        }
        if (spec.RestartPolicy == RestartPolicy.Never)
        {
            foreach (var key in new[] { "restart_backoff", "restart_backoff_max" }.Where(r.Has))
            {
                r.Error(key, "is only used with restart_policy: on-failure");
            }
        }
        if (r.Has("restart_backoff_max") && spec.RestartBackoffMax < spec.RestartBackoff)
        {
            r.Error("restart_backoff_max", $"must be at least restart_backoff ({Duration.Format(spec.RestartBackoff)}), got {Duration.Format(spec.RestartBackoffMax)}");
        }
        else if (!r.Has("restart_backoff_max") && spec.RestartBackoffMax < spec.RestartBackoff)
        {
            r.Error("restart_backoff", $"must be at most restart_backoff_max ({Duration.Format(spec.RestartBackoffMax)}), got {Duration.Format(spec.RestartBackoff)}");
        }
    }
}
