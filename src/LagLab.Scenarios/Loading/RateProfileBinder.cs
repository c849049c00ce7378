using LagLab.Scenarios.Profiles;
using YamlDotNet.RepresentationModel;

namespace LagLab.Scenarios.Loading;

/// <summary><c>producer.rate</c>: a number (constant) or a mapping with <c>type:</c> constant, ramp, peaks, diurnal, replay.</summary>
internal static class RateProfileBinder
{
    private static readonly string[] Types = ["constant", "ramp", "peaks", "diurnal", "replay"];
    private const double Day = 86400;

    public static RateProfile? Bind(YamlNode node, string path, ErrorSink errors, string baseDirectory)
    {
        if (node is YamlScalarNode)
        {
            return Scalars.Rate(node, path, errors) is { } constant ? new ConstantRate(constant) : null;
        }
        var r = MappingReader.Open(node, path, errors);
        if (r is null)
        {
            return null;
        }
        var type = r.Required("type") is { } t ? Scalars.Text(t, r.PathOf("type"), errors) : null;
        RateProfile? profile = type switch
        {
            null => null,
            "constant" => r.RequiredRate("rate") is { } rate ? new ConstantRate(rate) : null,
            "ramp" => Ramp(r),
            "peaks" => Peaks(r),
            "diurnal" => Diurnal(r),
            "replay" => Replay(r, baseDirectory),
            _ => Unknown(r, type),
        };
        if (type is not null && Types.Contains(type))
        {
            r.Finish();
        }
        return profile;
    }

    private static RateProfile? Unknown(MappingReader r, string type)
    {
        var hint = Suggestions.Closest(type, Types) is { } s ? $" (did you mean \"{s}\"?)" : "";
        r.Error("type", $"unknown rate profile \"{type}\"; expected one of {string.Join(", ", Types)}{hint}");
        return null;
    }

    private static RampRate? Ramp(MappingReader r)
    {
        var from = r.RequiredRate("from");
        var to = r.RequiredRate("to");
        var over = r.RequiredDuration("over");
        var start = r.Duration("start", allowZero: true) ?? TimeSpan.Zero;
        return from is { } f && to is { } t && over is { } o ? new RampRate(f, t, start.TotalSeconds, o.TotalSeconds) : null;
    }

    private static DiurnalRate? Diurnal(MappingReader r)
    {
        var min = r.RequiredRate("min");
        var max = r.RequiredRate("max");
        var period = r.Duration("period") ?? TimeSpan.FromDays(1);
        var peakAt = r.Duration("peak_at", allowZero: true) ?? TimeSpan.FromHours(12);
        if (min is { } lo && max is { } hi && hi < lo)
        {
            r.Error("max", $"max ({hi}/s) must not be below min ({lo}/s)");
            return null;
        }
        if (peakAt >= period)
        {
            r.Error("peak_at", $"must fall within the period ({Duration.Format(period)})");
            return null;
        }
        return min is { } a && max is { } b ? new DiurnalRate(a, b, period.TotalSeconds, peakAt.TotalSeconds) : null;
    }

    private static PeakWindowsRate? Peaks(MappingReader r)
    {
        var baseRate = r.RequiredRate("base");
        var period = r.Duration("period") ?? TimeSpan.FromSeconds(Day);
        var list = r.Sequence("windows");
        if (!r.Has("windows"))
        {
            r.Required("windows");
        }
        var windows = new List<PeakWindow>();
        var ok = baseRate is not null;
        for (var i = 0; list is not null && i < list.Children.Count; i++)
        {
            var w = MappingReader.Open(list.Children[i], $"{r.PathOf("windows")}[{i}]", r.Errors);
            if (w is null)
            {
                ok = false;
                continue;
            }
            var start = w.RequiredDuration("start", allowZero: true);
            var end = w.RequiredDuration("end");
            var rate = w.RequiredRate("rate");
            w.Finish();
            if (start is not { } s || end is not { } e || rate is not { } v)
            {
                ok = false;
                continue;
            }
            if (e <= s)
            {
                w.Error("end", $"must be after start ({Duration.Format(s)})");
                ok = false;
            }
            else if (e > period)
            {
                w.Error("end", $"must fall within the period ({Duration.Format(period)})");
                ok = false;
            }
            else if (windows.Find(x => s.TotalSeconds < x.End && e.TotalSeconds > x.Start) is { } other)
            {
                w.Error("start", $"overlaps the window {Duration.Format(TimeSpan.FromSeconds(other.Start))}-{Duration.Format(TimeSpan.FromSeconds(other.End))}");
                ok = false;
            }
            else
            {
                windows.Add(new PeakWindow(s.TotalSeconds, e.TotalSeconds, v));
            }
        }
        return ok ? new PeakWindowsRate(baseRate!.Value, period.TotalSeconds, windows) : null;
    }

    private static ReplayRate? Replay(MappingReader r, string baseDirectory)
    {
        var file = r.Required("file") is { } f ? Scalars.Text(f, r.PathOf("file"), r.Errors) : null;
        var loop = r.Duration("loop");
        if (file is null)
        {
            return null;
        }
        var full = Path.GetFullPath(Path.Combine(baseDirectory, file));
        if (!File.Exists(full))
        {
            r.Error("file", $"rate file not found: {full}");
            return null;
        }
        var points = CsvRates.Read(full, out var csvErrors);
        foreach (var e in csvErrors)
        {
            r.Error("file", e);
        }
        if (points is null)
        {
            return null;
        }
        if (loop is { } period && points[^1].Time >= period.TotalSeconds)
        {
            r.Error("loop", $"the loop period must be longer than the last row's time ({Duration.Format(TimeSpan.FromSeconds(points[^1].Time))})");
            return null;
        }
        return new ReplayRate(points, loop?.TotalSeconds, full);
    }
}
