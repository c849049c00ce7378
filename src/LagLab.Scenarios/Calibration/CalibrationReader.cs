using System.Globalization;
using LagLab.Scenarios.Loading;
using YamlDotNet.RepresentationModel;

namespace LagLab.Scenarios.Calibrating;

/// <summary>
/// Binds a calibration document with the scenario loader's reader, so every error names the file, line, column and
/// field path, unknown fields are errors, and durations and rates follow the scenario grammar.
/// </summary>
internal static class CalibrationReader
{
    public static Calibration? Bind(YamlNode root, string source, ErrorSink errors)
    {
        var r = MappingReader.Open(root, "", errors);
        if (r is null)
        {
            return null;
        }
        var version = r.Required("version") is not null ? r.Int("version", 0, int.MaxValue, "version") : null;
        if (version is { } v && v != Calibration.CurrentVersion)
        {
            r.Error("version", $"unsupported calibration version {v} (this LagLab reads version {Calibration.CurrentVersion}; run laglab calibrate again)");
        }
        var measured = r.Required("measured") is not null ? Provenance(r.Mapping("measured")) : null;
        var topology = r.Required("topology") is not null ? Topology(r.Mapping("topology")) : null;
        var mechanisms = r.Required("mechanisms") is not null ? Mechanisms(r.Mapping("mechanisms")) : null;
        r.Finish();
        if (errors.Any || measured is null || topology is null || mechanisms is null)
        {
            return null;
        }
        return new Calibration { Version = version ?? Calibration.CurrentVersion, Measured = measured, Topology = topology, Mechanisms = mechanisms, Source = source };
    }

    private static CalibrationProvenance? Provenance(MappingReader? r)
    {
        if (r is null)
        {
            return null;
        }
        var at = r.Required("at") is not null ? Date(r, "at") : null;
        var scenario = r.Required("scenario") is not null ? r.Text("scenario") : null;
        var cluster = r.Required("cluster") is not null ? r.Text("cluster") : null;
        var fleet = r.Required("fleet") is not null ? r.Text("fleet") : null;
        var laglab = r.Required("laglab") is not null ? r.Text("laglab") : null;
        var probe = r.RequiredDuration("probe");
        var how = r.Text("how") ?? "";
        r.Finish();
        return at is null || scenario is null || cluster is null || fleet is null || laglab is null || probe is null
            ? null
            : new CalibrationProvenance(at.Value, scenario, cluster, fleet, laglab, probe.Value.TotalSeconds, how);
    }

    private static CalibrationTopology? Topology(MappingReader? r)
    {
        if (r is null)
        {
            return null;
        }
        var partitions = r.Required("partitions") is not null ? r.Int("partitions", 1, 10_000, "partitions") : null;
        var instances = r.Required("instances") is not null ? r.Int("instances", 1, 1000, "instances") : null;
        var assignor = r.Required("assignor") is not null ? r.Choice("assignor", Choices.Assignors) : null;
        var isStatic = r.Required("static_membership") is not null ? r.Bool("static_membership") : null;
        var processing = r.Required("processing") is not null ? r.Choice("processing", Choices.Processing) : null;
        var concurrency = r.Required("concurrency") is not null ? r.Int("concurrency", 1, 100_000, "concurrency") : null;
        var rateLimit = r.Rate("rate_limit");
        var bank = r.Required("bank_rate_limit") is not null ? r.Rate("bank_rate_limit") : null;
        var latency = r.RequiredDuration("bank_mean_latency");
        r.Finish();
        return partitions is null || instances is null || assignor is null || isStatic is null || processing is null || concurrency is null || bank is null || latency is null
            ? null
            : new CalibrationTopology(partitions.Value, instances.Value, assignor.Value, isStatic.Value, processing.Value, concurrency.Value, rateLimit, bank.Value, latency.Value);
    }

    private static CalibratedMechanisms? Mechanisms(MappingReader? r)
    {
        if (r is null)
        {
            return null;
        }
        var calls = Value(r, "backlogged_calls", ValueKind.Rate);
        var over = r.Duration("backlogged_over", allowZero: true);
        var perCall = Value(r, "per_call", ValueKind.Duration);
        var overhead = Value(r, "call_overhead", ValueKind.Duration);
        var budget = Value(r, "effective_budget", ValueKind.Rate);
        var restart = Value(r, "restart_time", ValueKind.Duration);
        var rebalance = Value(r, "rebalance_time", ValueKind.Duration);
        var replay = Value(r, "restart_replay", ValueKind.Count);
        if (calls is not null && over is null)
        {
            r.Error("backlogged_calls", "needs backlogged_over: how long the rate was measured over");
        }
        r.Finish();
        return new CalibratedMechanisms(calls, over?.TotalSeconds ?? 0, perCall, overhead, budget, restart, rebalance, replay);
    }

    /// <summary>A scalar (<c>7.2ms</c>) or a mapping with its spread (<c>{ value: 7.2ms, low: 6.9ms, high: 7.6ms, samples: 2 }</c>).</summary>
    private static MeasuredValue? Value(MappingReader r, string key, ValueKind kind)
    {
        var node = r.Get(key);
        if (node is null)
        {
            return null;
        }
        if (node is not YamlMappingNode)
        {
            return One(node, r.PathOf(key), r.Errors, kind) is { } single ? new MeasuredValue(single) : null;
        }
        var m = MappingReader.Open(node, r.PathOf(key), r.Errors)!;
        var value = m.Required("value") is { } v ? One(v, m.PathOf("value"), r.Errors, kind) : null;
        var low = m.Get("low") is { } l ? One(l, m.PathOf("low"), r.Errors, kind) : null;
        var high = m.Get("high") is { } h ? One(h, m.PathOf("high"), r.Errors, kind) : null;
        var samples = m.Int("samples", 1, int.MaxValue, "samples") ?? 1;
        if (value is { } x && ((low is { } lo && lo > x) || (high is { } hi && hi < x)))
        {
            m.Error("value", "must lie between low and high");
        }
        m.Finish();
        return value is null ? null : new MeasuredValue(value.Value, low, high, samples);
    }

    private static double? One(YamlNode node, string path, ErrorSink errors, ValueKind kind) => kind switch
    {
        ValueKind.Duration => Scalars.Duration(node, path, errors, allowZero: true)?.TotalSeconds,
        ValueKind.Rate => Scalars.Rate(node, path, errors),
        _ => Scalars.Number(node, path, errors, 0, double.MaxValue, "a count of events"),
    };

    private static DateTimeOffset? Date(MappingReader r, string key)
    {
        var text = r.Text(key);
        if (text is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }
        r.Error(key, $"expected a date and time like 2026-12-02T16:40:00Z, got \"{text}\"");
        return null;
    }

    private enum ValueKind
    {
        Duration,
        Rate,
        Count,
    }
}
