using System.Runtime.CompilerServices;
using LagLab.Forecast.Timeline;
using LagLab.Scenarios;
using LagLab.Scenarios.Profiles;

namespace LagLab.Forecast.Simulation;

/// <summary>
/// Integrates lag per partition as a fluid: each partition fills at its share of the inflow and drains at
/// the capacity its owner gives it; lag never goes below zero and nothing is processed beyond capacity.
/// Steps end at every change of the fleet, of the rate profile, at day boundaries and wherever a queue
/// empties or fills, so piecewise-constant inputs are integrated exactly; smooth profiles are stepped at
/// their own resolution with the exact integral of the inflow.
/// </summary>
internal sealed class LagSimulator
{
    /// <summary>A millionth of an event: below this a queue is arithmetic residue, not work.</summary>
    private const double Dust = 1e-6;

    private readonly Scenario _scenario;
    private readonly FleetParameters _p;
    private readonly RateProfile _rate;
    private readonly double _horizon;
    private readonly double _day;
    private readonly double _maxStep;
    private readonly double[] _lag;
    private double _trail;
    private readonly double[] _kappa;
    private readonly double[] _spool;
    private readonly double[] _memberCapacity;
    private readonly int[] _laggedCount;
    private readonly double[] _laggedShare;
    private readonly double[] _idleShare;
    private readonly bool[] _spooling;
    private readonly double[] _emptiesAt;
    private readonly double[] _spoolEmptiesAt;
    private readonly double _minStep;
    private readonly int[] _order;
    private readonly List<Sample> _samples = [];
    private readonly ArrivalCurve _arrivals = new();
    private readonly bool _keepSamples;
    private Sample _last;
    private double _producerBacklog;

    private LagSimulator(Scenario scenario, double horizon, IReadOnlyList<FleetSegment> segments, bool keepSamples)
    {
        _keepSamples = keepSamples;
        _scenario = scenario;
        _p = new FleetParameters(scenario);
        _rate = scenario.WallClockRate;
        _horizon = horizon;
        _day = 86400 / scenario.TimeScale.Factor;
        var forWall = scenario.Alerts.For.TotalSeconds / scenario.TimeScale.Factor;
        // Fine enough to place alert crossings well inside their `for` window and to draw a short horizon,
        // coarse enough for speed.
        _maxStep = Math.Min(forWall > 0 ? forWall / 4 : _day / 288, horizon / 1000);
        var maxPartitions = segments.Max(s => s.Partitions);
        var instances = segments[0].Running.Length;
        _lag = new double[maxPartitions];
        _kappa = new double[maxPartitions];
        _spool = new double[instances];
        _memberCapacity = new double[instances];
        _laggedCount = new int[instances];
        _laggedShare = new double[instances];
        _idleShare = new double[instances];
        _spooling = new bool[instances];
        _emptiesAt = new double[maxPartitions];
        _spoolEmptiesAt = new double[instances];
        _minStep = _maxStep * 1e-4;
        _order = new int[instances];
        Warning = new AlertTracker(scenario.Alerts.Warning, forWall);
        Critical = new AlertTracker(scenario.Alerts.Critical, forWall);
        Days = new DayTracker(_day);
    }

    public AlertTracker Warning { get; }

    public AlertTracker Critical { get; }

    public EpisodeTracker Episodes { get; } = new();

    public DayTracker Days { get; }

    public IReadOnlyList<Sample> Samples => _samples;

    public int Steps { get; private set; }

    public double[] FinalLag => _lag;

    public double FinalSpool => _spool.Sum();

    /// <summary>Inflow in the last step (events/s).</summary>
    public double FinalInflow { get; private set; }

    /// <summary>Capacity of the fleet at the horizon with every partition backlogged (events/s).</summary>
    public double FinalCapacity { get; private set; }

    /// <summary>What the fleet of a segment processes when every partition has lag, under the bank's cap.</summary>
    internal double SaturatedCapacity(FleetSegment seg, int[] owned)
    {
        if (seg.BankDown)
        {
            return 0;
        }
        double total = 0;
        for (var m = 0; m < owned.Length; m++)
        {
            if (seg.Running[m] && owned[m] > 0)
            {
                total += _p.Capacity(owned[m], seg.Partitions);
            }
        }
        return Math.Min(total, _p.BankCapacity);
    }

    /// <summary>Highest backlog (lag plus spool) seen: what the recommender compares with its target.</summary>
    public double MaxBacklog { get; private set; }

    /// <param name="keepSamples">False when only the summary is needed (the recommender's many runs).</param>
    public static LagSimulator Run(Scenario scenario, double horizonWallSeconds, bool keepSamples = true, IReadOnlyList<double>? deployReplays = null)
    {
        var segments = FleetTimeline.Build(scenario, horizonWallSeconds, deployReplays);
        var sim = new LagSimulator(scenario, horizonWallSeconds, segments, keepSamples);
        sim._last = new Sample(0, 0, 0, 0, sim._rate.RateAt(0), 0, 0);
        sim._samples.Add(sim._last);
        foreach (var segment in segments)
        {
            sim.Integrate(segment);
        }
        sim.Episodes.Close();
        sim.Days.Close();
        return sim;
    }

    /// <summary>Shortest step, in wall seconds: far below anything the model resolves (a millisecond).</summary>
    private const double MinStep = 0.001;

    // Hot loop: optimized at first call (a forecast is over before tiered compilation would get to it).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Integrate(FleetSegment seg)
    {
        var owned = seg.OwnedCounts();
        _trail = seg.Trail;
        if (!seg.BrokerDown && _producerBacklog > 0)
        {
            // The producer's buffer reaches the topic when the broker returns.
            for (var j = 0; j < seg.Partitions; j++)
            {
                _lag[j] += _producerBacklog / seg.Partitions;
            }
            _arrivals.Add(seg.Start, seg.Start, _producerBacklog / seg.Partitions);
            _producerBacklog = 0;
            Record(seg.Start, seg.Start, _last.Inflow, _last.Capacity);
        }
        var t = seg.Start;
        while (t < seg.End - (1e-12 * Math.Max(1, seg.End)))
        {
            var change = _rate.NextChange(t);
            // The step bound is a grid (k × step), not a running sum, so times do not drift by rounding.
            var grid = (Math.Floor((t / _maxStep) + 1e-9) + 1) * _maxStep;
            var end = Math.Min(seg.End, Math.Min(change > t ? change : seg.End, Math.Min(t + _rate.SmoothStep(t), grid)));
            var nextDay = (Math.Floor((t / _day) + 1e-9) + 1) * _day;
            end = Math.Min(end, nextDay);
            if (seg.End - end <= 1e-9 * Math.Max(1, seg.End))
            {
                end = seg.End;
            }
            if (end <= t)
            {
                end = Math.Min(seg.End, t + _maxStep);
            }
            var meanRate = _rate.Integral(t, end) / (end - t);
            // At least MinStep: queues that empty and refill at the same instant (a bank outage ending with
            // a backlog) otherwise shrink the step towards zero forever and the forecast never returns.
            var dt = Math.Max(Allocate(seg, owned, meanRate, end - t), MinStep);
            // A full step lands exactly on its breakpoint, so times do not drift by rounding.
            var next = dt >= end - t ? end : t + dt;
            Advance(seg, owned, t, next);
            t = next;
            Steps++;
        }
    }

    /// <summary>Sets per-partition drain rates (<see cref="_kappa"/>) and returns the step length until the first queue empties or fills.</summary>
    // Hot loop: optimized at first call (a forecast is over before tiered compilation would get to it).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Allocate(FleetSegment seg, int[] owned, double meanRate, double maxDt)
    {
        var partitions = seg.Partitions;
        var r = seg.BrokerDown ? 0 : meanRate / partitions;
        var dt = maxDt;
        Array.Clear(_laggedCount);
        for (var j = 0; j < partitions; j++)
        {
            if (seg.Owner[j] is var o and >= 0 && _lag[j] > 0)
            {
                _laggedCount[o]++;
            }
        }

        // Capacity of each running instance, then the bank's global cap on what all of them ask for.
        double demand = 0;
        for (var m = 0; m < _memberCapacity.Length; m++)
        {
            _memberCapacity[m] = 0;
            if (!seg.Running[m] || seg.BankDown || (owned[m] == 0 && _spool[m] <= 0))
            {
                continue;
            }
            var capacity = _p.Capacity(owned[m], partitions);
            var backlogged = _spool[m] > 0 || _laggedCount[m] > 0;
            _memberCapacity[m] = backlogged ? capacity : Math.Min(capacity, owned[m] * r);
            demand += _memberCapacity[m];
        }
        if (demand > _p.BankCapacity)
        {
            ShareBankMaxMin();
        }
        for (var m = 0; m < _memberCapacity.Length; m++)
        {
            var c = _memberCapacity[m];
            _spooling[m] = _p.Durable && seg.Running[m] && (seg.BankDown || _spool[m] > 0);
            if (_spooling[m])
            {
                dt = Math.Min(dt, Spooling(seg, m, owned[m], r, c));
            }
            if (!_spooling[m] && owned[m] > 0)
            {
                // Fair share among the member's partitions; partitions without lag only take their inflow.
                var n = owned[m];
                var lagged = _laggedCount[m];
                if (c >= n * r)
                {
                    _idleShare[m] = r;
                    _laggedShare[m] = lagged > 0 ? (c - ((n - lagged) * r)) / lagged : 0;
                }
                else
                {
                    _idleShare[m] = _laggedShare[m] = c / n;
                }
            }
        }
        for (var j = 0; j < partitions; j++)
        {
            var o = seg.Owner[j];
            _kappa[j] = o < 0 ? 0 : _spooling[o] ? r : _lag[j] > 0 ? _laggedShare[o] : _idleShare[o];
            // The first partition to empty ends the step: the freed capacity goes to its siblings.
            var net = r - _kappa[j];
            _emptiesAt[j] = _lag[j] > 0 && net < 0 ? _lag[j] / -net : double.PositiveInfinity;
            dt = Math.Min(dt, _emptiesAt[j]);
        }
        // A floor on the step: no run of ever-shorter steps, whatever the rounding.
        return Math.Max(dt, Math.Min(maxDt, _minStep));
    }

    /// <summary>
    /// The bank's limit shared max-min fairly among the instances' demands: one asking less than an equal
    /// share of what is left gets all it asks (its rejected calls are retried and get through), the rest is
    /// split evenly among the others. Continuous in the demands, so a tiny backlog on one instance cannot
    /// throttle the others below their inflow and chatter back and forth.
    /// </summary>
    private void ShareBankMaxMin()
    {
        var order = _order;
        var n = 0;
        for (var m = 0; m < _memberCapacity.Length; m++)
        {
            if (_memberCapacity[m] > 0)
            {
                order[n++] = m;
            }
        }
        Array.Sort(order, 0, n, Comparer<int>.Create((a, b) => _memberCapacity[a].CompareTo(_memberCapacity[b])));
        var left = _p.BankCapacity;
        for (var i = 0; i < n; i++)
        {
            var m = order[i];
            var give = Math.Min(_memberCapacity[m], left / (n - i));
            _memberCapacity[m] = give;
            left -= give;
        }
    }

    /// <summary>
    /// Durable buffer while the bank is down or its spool is not yet replayed: the member keeps reading
    /// Kafka into the spool (those events are final, so they leave Kafka lag) until the spool is full;
    /// a full spool takes from Kafka only what it hands to the bank. Returns when the spool empties or fills.
    /// </summary>
    private double Spooling(FleetSegment seg, int m, int n, double r, double capacity)
    {
        var room = _p.BufferLimit - _spool[m];
        for (var j = 0; j < seg.Partitions && room > 0; j++)
        {
            if (seg.Owner[j] == m && _lag[j] > 0)
            {
                var moved = Math.Min(room, _lag[j]);
                _lag[j] -= moved;
                _spool[m] += moved;
                room -= moved;
                if (_lag[j] <= 0)
                {
                    _laggedCount[m]--;
                }
            }
        }
        var net = (n * r) - capacity;
        _spoolEmptiesAt[m] = double.PositiveInfinity;
        if (room <= Dust && (_laggedCount[m] > 0 || net >= 0))
        {
            // Full and not shrinking: Kafka lag drains at what the bank takes, the spool stays full.
            _spooling[m] = false;
            return double.PositiveInfinity;
        }
        if (net < 0)
        {
            _spoolEmptiesAt[m] = _spool[m] / -net;
            return _spoolEmptiesAt[m];
        }
        return net > 0 ? room / net : double.PositiveInfinity;
    }

    /// <summary>Appends the state at <paramref name="t1"/> and feeds the trackers the step from <paramref name="t0"/> (equal for a jump).</summary>
    // Hot loop: optimized at first call (a forecast is over before tiered compilation would get to it).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Record(double t0, double t1, double inflow, double capacity)
    {
        double total = 0, max = 0;
        foreach (var backlog in _lag)
        {
            // Kafka lag counts from the committed offset: the backlog plus what was applied past the commit.
            var lag = backlog + Math.Min(backlog, _trail);
            total += lag;
            max = Math.Max(max, lag);
        }
        var before = _last;
        var spool = _spool.Sum();
        var timeLag = _keepSamples ? _arrivals.TimeLag(t1, max) : 0;
        var sample = new Sample(t1, total, max, spool, inflow, capacity, timeLag);
        if (_keepSamples)
        {
            _samples.Add(sample);
        }
        _last = sample;
        MaxBacklog = Math.Max(MaxBacklog, total + spool);
        Warning.Step(t0, before.MaxPartitionLag, t1, max);
        Critical.Step(t0, before.MaxPartitionLag, t1, max);
        Episodes.Step(t0, t1, total + spool);
        Days.Step(t1, total + spool, max);
    }

    // Hot loop: optimized at first call (a forecast is over before tiered compilation would get to it).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Advance(FleetSegment seg, int[] owned, double t0, double t1)
    {
        var dt = t1 - t0;
        var arrivals = seg.BrokerDown ? 0 : _rate.Integral(t0, t1);
        if (seg.BrokerDown)
        {
            _producerBacklog += _rate.Integral(t0, t1);
        }
        var perPartition = arrivals / seg.Partitions;
        _arrivals.Add(t0, t1, perPartition);
        double capacity = 0;
        for (var j = 0; j < seg.Partitions; j++)
        {
            var next = _lag[j] + perPartition - (_kappa[j] * dt);
            // A queue the step was cut for is empty now: what is left is the difference between the step's
            // mean rate and the exact integral, not work. Keeping it would cut ever-shorter steps.
            _lag[j] = next <= Dust || _emptiesAt[j] <= dt * (1 + 1e-9) ? 0 : next;
        }
        for (var m = 0; m < _spool.Length; m++)
        {
            capacity += _memberCapacity[m];
            if (_spooling[m])
            {
                var next = _spool[m] + (owned[m] * perPartition) - (_memberCapacity[m] * dt);
                _spool[m] = next <= Dust || _spoolEmptiesAt[m] <= dt * (1 + 1e-9) ? 0 : Math.Min(_p.BufferLimit, next);
                if (next > _p.BufferLimit && owned[m] > 0)
                {
                    // What a step brought past a full spool stays in Kafka: nothing is lost to the clamp.
                    var overflow = (next - _p.BufferLimit) / owned[m];
                    for (var j = 0; j < seg.Partitions; j++)
                    {
                        if (seg.Owner[j] == m)
                        {
                            _lag[j] += overflow;
                        }
                    }
                }
            }
        }
        Record(t0, t1, arrivals / dt, capacity);
        FinalInflow = arrivals / dt;
        FinalCapacity = SaturatedCapacity(seg, owned);
    }
}
