using System.Globalization;
using LagLab.Forecast.Simulation;
using LagLab.Scenarios;

namespace LagLab.Forecast;

/// <summary>
/// For each lever alone, the smallest value that keeps the forecast backlog under the target: a scan of
/// small steps (partition and instance counts are not monotone: 4 partitions balance 2 instances, 5 do not),
/// then doubling and bisection.
/// </summary>
internal sealed class Recommender(Scenario scenario, double horizonWall, double target)
{
    private const int LinearSteps = 24;

    public Recommendation Recommend(double currentMaxBacklog)
    {
        if (currentMaxBacklog <= target)
        {
            return new Recommendation(target, true, []);
        }
        var fleet = scenario.Fleet;
        var blocking = fleet.Processing == ProcessingMode.Blocking;
        List<LeverChange> changes =
        [
            Search(Lever.Partitions, scenario.Topic.Partitions, Math.Max(MaxPartitions, scenario.Topic.Partitions), WithPartitions, "partitions"),
            Search(Lever.Instances, fleet.Instances, Math.Max(MaxInstances, fleet.Instances), WithInstances, "instances"),
            Search(Lever.Concurrency, blocking ? 0 : fleet.Concurrency, Math.Max(MaxConcurrency, fleet.Concurrency), WithConcurrency,
                blocking ? "switch to concurrent processing with this many calls in flight per instance" : "calls in flight per instance"),
            Search(Lever.BankLimit, scenario.Bank.RateLimit, scenario.Bank.RateLimit * MaxBankFactor, WithBankLimit, "bank requests/s"),
        ];
        return new Recommendation(target, false, changes);
    }

    /// <summary>Search ranges: beyond these a "change" is a redesign, and each run costs more.</summary>
    private const int MaxPartitions = 256;
    private const int MaxInstances = 64;
    private const int MaxConcurrency = 4096;
    private const double MaxBankFactor = 20;

    private double MaxBacklog(Scenario s) => LagSimulator.Run(s, horizonWall, keepSamples: false).MaxBacklog;

    private LeverChange Search(Lever lever, double from, double max, Func<double, Scenario> apply, string note)
    {
        var start = Math.Floor(from) + 1;
        double? Try(double v) => MaxBacklog(apply(v)) is var b && b <= target ? b : null;
        if (start > max || Try(max) is null)
        {
            return new LeverChange(lever, from, null, null, string.Create(CultureInfo.InvariantCulture, $"{note}: not enough alone, even at {max:0}"));
        }
        for (var v = start; v <= Math.Min(max, start + LinearSteps); v++)
        {
            if (Try(v) is { } b)
            {
                return new LeverChange(lever, from, v, b, note);
            }
        }
        var low = Math.Min(max, start + LinearSteps);
        var high = low;
        double? found = null;
        while (high < max)
        {
            high = Math.Min(max, high * 2);
            found = Try(high);
            if (found is not null)
            {
                break;
            }
            low = high;
        }
        if (found is null)
        {
            return new LeverChange(lever, from, null, null, string.Create(CultureInfo.InvariantCulture, $"{note}: not enough alone, even at {max:0}"));
        }
        while (high - low > 1)
        {
            var mid = Math.Floor((low + high) / 2);
            if (Try(mid) is { } b)
            {
                (high, found) = (mid, b);
            }
            else
            {
                low = mid;
            }
        }
        return new LeverChange(lever, from, high, found, note);
    }

    private Scenario WithPartitions(double v)
    {
        var n = (int)v;
        return scenario with
        {
            Topic = scenario.Topic with { Partitions = n },
            Actions = [.. scenario.Actions.Where(a => a is not AddPartitionsAction add || add.Partitions > n)],
        };
    }

    private Scenario WithInstances(double v) => scenario with { Fleet = scenario.Fleet with { Instances = (int)v } };

    private Scenario WithConcurrency(double v) => scenario with
    {
        Fleet = scenario.Fleet with
        {
            Processing = ProcessingMode.Concurrent,
            Concurrency = (int)v,
            Buffer = scenario.Fleet.Buffer == BufferMode.None ? BufferMode.Memory : scenario.Fleet.Buffer,
        },
    };

    private Scenario WithBankLimit(double v) => scenario with
    {
        Bank = scenario.Bank with { RateLimit = v },
        Fleet = scenario.Fleet with { RateLimit = scenario.Fleet.RateLimit * v / scenario.Bank.RateLimit },
    };
}
