using LagLab.Forecast.Simulation;
using LagLab.Scenarios;

namespace LagLab.Forecast.Timeline;

/// <summary>
/// Turns a scenario's fleet and actions into segments of constant ownership, by replaying membership
/// changes and rebalances as a discrete-event simulation in wall time:
/// eager rebalances stop every partition for <see cref="FleetSpec.RebalanceTime"/>; cooperative ones stop only
/// the partitions that move; static members restart without a rebalance (their partitions wait for them);
/// a dead member keeps its partitions until <see cref="FleetSpec.SessionTimeout"/> expels it.
/// </summary>
internal sealed class FleetTimeline
{
    private readonly Scenario _scenario;
    private readonly FleetSpec _fleet;
    private readonly double _horizon;
    private readonly double _rebalance;
    private readonly double _restart;
    private readonly double _session;
    private readonly FleetParameters _parameters;
    private readonly IReadOnlyList<double> _deployReplays;
    private readonly double[] _replayDue;
    private int _deploys;
    private readonly PriorityQueue<FleetEvent, (double, long)> _queue = new();
    private readonly List<FleetSegment> _segments = [];
    private readonly bool[] _inGroup;
    private readonly bool[] _running;
    private readonly bool[] _alive;
    private readonly int[] _incarnation;
    private readonly double[] _partitionPausedUntil;
    private int[] _assignment;
    private int _partitions;
    private double _groupPausedUntil;
    private int _brokerDown;
    private int _bankDown;
    private long _seq;
    private int[] _deployOrder = [];
    private bool _deploying;
    private int _pendingDeploys;

    private FleetTimeline(Scenario scenario, double horizon, IReadOnlyList<double> deployReplays)
    {
        _deployReplays = deployReplays;
        _scenario = scenario;
        _fleet = scenario.Fleet;
        _horizon = horizon;
        _rebalance = _fleet.RebalanceTime.TotalSeconds;
        _restart = _fleet.RestartTime.TotalSeconds;
        _session = _fleet.SessionTimeout.TotalSeconds;
        _parameters = new FleetParameters(scenario);
        var maxInstances = Math.Max(_fleet.Instances, scenario.Actions.OfType<ScaleAction>().Select(a => a.Instances).DefaultIfEmpty(0).Max());
        var maxPartitions = Math.Max(scenario.Topic.Partitions, scenario.Actions.OfType<AddPartitionsAction>().Select(a => a.Partitions).DefaultIfEmpty(0).Max());
        _inGroup = new bool[maxInstances];
        _replayDue = new double[maxInstances];
        Array.Fill(_replayDue, -1);
        _running = new bool[maxInstances];
        _alive = new bool[maxInstances];
        _incarnation = new int[maxInstances];
        _partitionPausedUntil = new double[maxPartitions];
        _partitions = scenario.Topic.Partitions;
        for (var i = 0; i < _fleet.Instances; i++)
        {
            _inGroup[i] = _running[i] = _alive[i] = true;
        }
        // The group has formed before the run starts: no initial pause.
        _assignment = StickyAssignor.Assign([], _partitions, Members());
    }

    public int MaxInstances => _inGroup.Length;

    /// <summary>Segments covering [0, horizon) in wall seconds.</summary>
    public static IReadOnlyList<FleetSegment> Build(Scenario scenario, double horizonWallSeconds, IReadOnlyList<double>? deployReplays = null)
    {
        var timeline = new FleetTimeline(scenario, horizonWallSeconds, deployReplays ?? []);
        timeline.ScheduleActions();
        timeline.Run();
        return timeline._segments;
    }

    private double Wall(TimeSpan scenarioTime) => scenarioTime.TotalSeconds / _scenario.TimeScale.Factor;

    private void Schedule(double time, FleetEventKind kind, int instance = -1, int value = 0, int incarnation = 0)
    {
        if (time <= _horizon)
        {
            _queue.Enqueue(new FleetEvent(time, _seq, kind, instance, value, incarnation), (time, _seq));
            _seq++;
        }
    }

    private void ScheduleActions()
    {
        foreach (var outage in _scenario.Bank.Outages)
        {
            Schedule(Wall(outage.At), FleetEventKind.BankDown);
            Schedule(Wall(outage.At) + outage.Length.TotalSeconds, FleetEventKind.BankUp);
        }
        foreach (var action in _scenario.Actions)
        {
            var at = Wall(action.At);
            switch (action)
            {
                case RollingDeployAction deploy:
                    var every = deploy.Every is { } e ? Wall(e) : double.PositiveInfinity;
                    for (var t = at; t <= _horizon; t += every)
                    {
                        Schedule(t, FleetEventKind.DeployStart);
                    }
                    break;
                case KillAction kill:
                    Schedule(at, FleetEventKind.Kill, kill.Instance, kill.RestartAfter is { } r ? (int)Math.Min(int.MaxValue, Math.Round(r.TotalMilliseconds)) : -1);
                    break;
                case ScaleAction scale:
                    Schedule(at, FleetEventKind.Scale, value: scale.Instances);
                    break;
                case AddPartitionsAction add:
                    Schedule(at, FleetEventKind.AddPartitions, value: add.Partitions);
                    break;
                case PauseBrokerAction pause:
                    Schedule(at, FleetEventKind.BrokerDown);
                    // Frozen past the session timeout, every member is expelled and rejoins.
                    Schedule(at + pause.Length.TotalSeconds, pause.Length.TotalSeconds >= _session ? FleetEventKind.BrokerUpRejoin : FleetEventKind.BrokerUp);
                    break;
                case RestartBrokerAction restart:
                    Schedule(at, FleetEventKind.BrokerDown);
                    Schedule(at + restart.Length.TotalSeconds, FleetEventKind.BrokerUpRejoin);
                    break;
                case BankOutageAction outage:
                    Schedule(at, FleetEventKind.BankDown);
                    Schedule(at + outage.Length.TotalSeconds, FleetEventKind.BankUp);
                    break;
                default:
                    throw new NotSupportedException($"action {action.Type}");
            }
        }
    }

    private void Run()
    {
        var segmentStart = 0.0;
        var state = Snapshot(0);
        while (_queue.TryDequeue(out var first, out _))
        {
            var t = first.Time;
            Apply(first);
            while (_queue.TryPeek(out var next, out _) && next.Time <= t)
            {
                Apply(_queue.Dequeue());
            }
            var now = Snapshot(t);
            if (t > segmentStart && !SameState(state, now))
            {
                _segments.Add(state with { Start = segmentStart, End = t });
                segmentStart = t;
                state = now;
            }
            else if (t <= segmentStart)
            {
                state = now;
            }
        }
        _segments.Add(state with { Start = segmentStart, End = _horizon });
    }

    private FleetSegment Snapshot(double t)
    {
        var owner = new int[_partitions];
        for (var j = 0; j < _partitions; j++)
        {
            var o = _assignment[j];
            var processing = o >= 0 && _running[o] && _brokerDown == 0 && t >= _groupPausedUntil && t >= _partitionPausedUntil[j];
            owner[j] = processing ? o : -1;
        }
        return new FleetSegment(t, t, _partitions, owner, (bool[])_running.Clone(), _brokerDown > 0, _bankDown > 0, Trail());
    }

    /// <summary>
    /// The commit trail per partition: what an instance re-sends after a restart is what it had applied past its
    /// commit, so while backlogged its partitions' committed offsets trail that far (the replay shared over the
    /// partitions of one instance). The measured replay of the latest deploy stands for it when given.
    /// </summary>
    private double Trail()
    {
        var replay = _deployReplays.Count > 0 ? _deployReplays[Math.Clamp(_deploys - 1, 0, _deployReplays.Count - 1)] : _fleet.RestartReplay;
        var instances = Math.Max(1, Math.Min(_alive.Count(a => a), _partitions));
        return replay * instances / _partitions;
    }

    private static bool SameState(FleetSegment a, FleetSegment b) =>
        a.Partitions == b.Partitions && a.BrokerDown == b.BrokerDown && a.BankDown == b.BankDown && a.Trail == b.Trail &&
        a.Owner.AsSpan().SequenceEqual(b.Owner) && a.Running.AsSpan().SequenceEqual(b.Running);

    private List<int> Members()
    {
        var members = new List<int>();
        for (var i = 0; i < _inGroup.Length; i++)
        {
            if (_inGroup[i])
            {
                members.Add(i);
            }
        }
        return members;
    }

    private void Rebalance(double t)
    {
        var next = StickyAssignor.Assign(_assignment, _partitions, Members());
        if (_fleet.IsEager)
        {
            _groupPausedUntil = Math.Max(_groupPausedUntil, t + _rebalance);
            Schedule(t + _rebalance, FleetEventKind.Boundary);
        }
        else
        {
            for (var j = 0; j < _partitions; j++)
            {
                if (j >= _assignment.Length || next[j] != _assignment[j])
                {
                    _partitionPausedUntil[j] = Math.Max(_partitionPausedUntil[j], t + _rebalance);
                }
            }
            Schedule(t + _rebalance, FleetEventKind.Boundary);
        }
        _assignment = next;
    }

    /// <summary>
    /// A restarted instance first re-sends what it had applied past its last commit (<see cref="FleetSpec.RestartReplay"/>):
    /// calls that apply nothing, at its own call rate, so its partitions make no progress until they are through.
    /// </summary>
    private void Replay(double t, int instance)
    {
        // What this restart re-sends: the measured amount of its deploy when given, else the scenario's.
        var replay = _replayDue[instance] >= 0 ? _replayDue[instance] : _fleet.RestartReplay;
        _replayDue[instance] = -1;
        if (replay <= 0)
        {
            return;
        }
        var owned = 0;
        for (var j = 0; j < _partitions; j++)
        {
            owned += _assignment[j] == instance ? 1 : 0;
        }
        if (owned == 0)
        {
            return;
        }
        // Its own calls, capped by the bank: another instance's budget share does not help it. The replay starts once
        // the partition is processable again (after an eager group stop or a cooperative move).
        var seconds = replay / Math.Min(_parameters.Capacity(owned, _partitions), _parameters.BankCapacity);
        for (var j = 0; j < _partitions; j++)
        {
            if (_assignment[j] == instance)
            {
                _partitionPausedUntil[j] = Math.Max(Math.Max(t, _groupPausedUntil), _partitionPausedUntil[j]) + seconds;
                Schedule(_partitionPausedUntil[j], FleetEventKind.Boundary);
            }
        }
    }

    private void Apply(FleetEvent e)
    {
        var t = e.Time;
        var k = e.Instance;
        switch (e.Kind)
        {
            case FleetEventKind.Boundary:
                break;
            case FleetEventKind.DeployStart:
                if (_deploying)
                {
                    _pendingDeploys++;
                }
                else
                {
                    StartDeploy(t);
                }
                break;
            case FleetEventKind.DeployInstance:
                DeployInstance(t, e.Value);
                break;
            case FleetEventKind.InstanceBack:
                _running[k] = _alive[k] = true;
                _incarnation[k]++;
                if (!_inGroup[k])
                {
                    _inGroup[k] = true;
                    Rebalance(t);
                }
                Replay(t, k);
                break;
            case FleetEventKind.Join:
                _inGroup[k] = _running[k] = _alive[k] = true;
                _incarnation[k]++;
                Rebalance(t);
                Replay(t, k);
                break;
            case FleetEventKind.Expel:
                if (_incarnation[k] == e.Incarnation && _inGroup[k] && !_running[k])
                {
                    _inGroup[k] = false;
                    Rebalance(t);
                }
                break;
            case FleetEventKind.Kill:
                if (_alive[k])
                {
                    _running[k] = _alive[k] = false;
                    Schedule(t + _session, FleetEventKind.Expel, k, incarnation: _incarnation[k]);
                    if (e.Value >= 0)
                    {
                        // A static member comes back as itself; a dynamic one joins as a new member.
                        Schedule(t + (e.Value / 1000.0), _fleet.StaticMembership ? FleetEventKind.InstanceBack : FleetEventKind.Join, k);
                    }
                }
                break;
            case FleetEventKind.Scale:
                ScaleTo(t, e.Value);
                break;
            case FleetEventKind.AddPartitions:
                if (e.Value > _partitions)
                {
                    _partitions = e.Value;
                    Rebalance(t);
                }
                break;
            case FleetEventKind.BrokerDown:
                _brokerDown++;
                break;
            case FleetEventKind.BrokerUp:
                _brokerDown--;
                break;
            case FleetEventKind.BrokerUpRejoin:
                _brokerDown--;
                if (_brokerDown == 0)
                {
                    // Every member rejoins the restarted coordinator: eager stops all, cooperative keeps owners.
                    Rebalance(t);
                }
                break;
            case FleetEventKind.BankDown:
                _bankDown++;
                break;
            case FleetEventKind.BankUp:
                _bankDown--;
                break;
            default:
                throw new InvalidOperationException($"unhandled {e.Kind}");
        }
    }

    private void StartDeploy(double t)
    {
        _deployOrder = [.. Enumerable.Range(0, _alive.Length).Where(i => _alive[i])];
        _deploying = true;
        _deploys++;
        DeployInstance(t, 0);
    }

    private void DeployInstance(double t, int index)
    {
        if (index >= _deployOrder.Length)
        {
            _deploying = false;
            if (_pendingDeploys > 0)
            {
                _pendingDeploys--;
                StartDeploy(t);
            }
            return;
        }
        var k = _deployOrder[index];
        if (!_alive[k])
        {
            DeployInstance(t, index + 1);
            return;
        }
        if (_deploys <= _deployReplays.Count)
        {
            _replayDue[k] = _deployReplays[_deploys - 1];
        }
        if (_fleet.StaticMembership)
        {
            // No LeaveGroup: the partitions wait for the same member id to come back.
            _running[k] = false;
            if (_restart >= _session)
            {
                Schedule(t + _session, FleetEventKind.Expel, k, incarnation: _incarnation[k]);
            }
            Schedule(t + _restart, FleetEventKind.InstanceBack, k);
            Schedule(t + _restart, FleetEventKind.DeployInstance, value: index + 1);
        }
        else
        {
            _inGroup[k] = _running[k] = false;
            Rebalance(t);
            Schedule(t + _restart, FleetEventKind.Join, k);
            // The next instance goes once this one has rejoined and its rebalance has settled.
            Schedule(t + _restart + _rebalance, FleetEventKind.DeployInstance, value: index + 1);
        }
    }

    private void ScaleTo(double t, int target)
    {
        var alive = _alive.Count(a => a);
        if (target > alive)
        {
            for (var i = 0; i < _alive.Length && alive < target; i++)
            {
                if (!_alive[i])
                {
                    _alive[i] = true;
                    alive++;
                    Schedule(t + _restart, FleetEventKind.Join, i);
                }
            }
            return;
        }
        var leaving = false;
        for (var i = _alive.Length - 1; i >= 0 && alive > target; i--)
        {
            if (!_alive[i])
            {
                continue;
            }
            _alive[i] = _running[i] = false;
            alive--;
            if (_fleet.StaticMembership)
            {
                Schedule(t + _session, FleetEventKind.Expel, i, incarnation: _incarnation[i]);
            }
            else
            {
                _inGroup[i] = false;
                leaving = true;
            }
        }
        if (leaving)
        {
            Rebalance(t);
        }
    }
}
