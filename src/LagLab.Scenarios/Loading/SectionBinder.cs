using YamlDotNet.RepresentationModel;

namespace LagLab.Scenarios.Loading;

/// <summary>Binds the small sections: cluster, topic, producer, time_scale, alerts, slos.</summary>
internal static class SectionBinder
{
    public static ClusterSpec Cluster(MappingReader? r)
    {
        var spec = new ClusterSpec();
        if (r is null)
        {
            return spec;
        }
        var kind = r.Choice("type", Choices.Cluster) ?? ClusterKind.Embedded;
        var servers = r.Text("bootstrap_servers");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (r.Mapping("settings") is { } s)
        {
            foreach (var (key, value) in s.Node.Children)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (Scalars.Text(value, s.PathOf(name), r.Errors) is { } text)
                {
                    settings[name] = text;
                }
                s.Has(name);
            }
        }
        if (kind == ClusterKind.External && string.IsNullOrWhiteSpace(servers) && !r.Has("bootstrap_servers"))
        {
            r.Errors.Add(r.Node, r.PathOf("bootstrap_servers"), "an external cluster needs bootstrap_servers (host:port,...)");
        }
        if (kind == ClusterKind.Embedded && servers is not null)
        {
            r.Error("bootstrap_servers", "only an external cluster has bootstrap_servers (set type: external)");
        }
        if (kind == ClusterKind.Embedded && settings.Count > 0)
        {
            r.Error("settings", "librdkafka settings are for an external cluster (set type: external)");
        }
        r.Finish();
        return spec with { Kind = kind, BootstrapServers = servers, Settings = settings };
    }

    public static TopicSpec Topic(MappingReader? r)
    {
        var spec = new TopicSpec();
        if (r is null)
        {
            return spec;
        }
        spec = spec with
        {
            Name = r.Text("name") ?? spec.Name,
            Partitions = r.Int("partitions", 1, 10_000, "partitions") ?? spec.Partitions,
            Retention = r.Duration("retention"),
        };
        r.Finish();
        return spec;
    }

    public static ProducerSpec? Producer(MappingReader? r, string baseDirectory)
    {
        if (r is null)
        {
            return null;
        }
        var rate = r.Required("rate") is { } node ? RateProfileBinder.Bind(node, r.PathOf("rate"), r.Errors, baseDirectory) : null;
        var accounts = r.Int("accounts", 1, 10_000_000, "accounts") ?? 1000;
        var duration = r.RequiredDuration("duration");
        r.Finish();
        return rate is not null && duration is { } d ? new ProducerSpec { Rate = rate, Accounts = accounts, Duration = d } : null;
    }

    public static TimeScale Scale(MappingReader? r)
    {
        if (r is null)
        {
            return TimeScale.RealTime;
        }
        var factor = r.Number("factor", 1, 1_000_000, "factor");
        var day = r.Duration("day");
        r.Finish();
        if (factor is not null && day is not null)
        {
            r.Error("day", "give either factor or day, not both");
            return TimeScale.RealTime;
        }
        if (day is { } d)
        {
            if (d > TimeSpan.FromDays(1))
            {
                r.Error("day", "a compressed day cannot be longer than a day");
                return TimeScale.RealTime;
            }
            return new TimeScale(TimeSpan.FromDays(1) / d);
        }
        return factor is { } f ? new TimeScale(f) : TimeScale.RealTime;
    }

    public static AlertSpec Alerts(MappingReader? r)
    {
        var spec = new AlertSpec();
        if (r is null)
        {
            return spec;
        }
        spec = spec with
        {
            Warning = r.Long("warning", 1, long.MaxValue, "warning") ?? spec.Warning,
            Critical = r.Long("critical", 1, long.MaxValue, "critical") ?? spec.Critical,
            For = r.Duration("for", allowZero: true) ?? spec.For,
        };
        if (spec.Critical <= spec.Warning)
        {
            r.Error("critical", $"must be above warning ({spec.Warning})");
        }
        r.Finish();
        return spec;
    }

    public static SloSpec Slos(MappingReader? r)
    {
        var spec = new SloSpec();
        if (r is null)
        {
            return spec;
        }
        spec = spec with
        {
            MaxLag = r.Long("max_lag", 0, long.MaxValue, "max_lag"),
            MaxTimeLag = r.Duration("max_time_lag"),
            P99EndToEnd = r.Duration("p99_end_to_end"),
            MaxAlert = r.Choice("max_alert", Choices.Severities),
            ZeroLost = r.Bool("zero_lost") ?? spec.ZeroLost,
            ZeroDuplicates = r.Bool("zero_duplicates") ?? spec.ZeroDuplicates,
        };
        r.Finish();
        return spec;
    }
}
