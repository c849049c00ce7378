namespace LagLab.Scenarios;

/// <summary><c>fleet:</c> the consumer group under test. Mechanism durations here are wall time.</summary>
public sealed record FleetSpec
{
    public const string DefaultGroup = "reconciliation";

    public FleetKind Kind { get; init; } = FleetKind.Local;

    public int Instances { get; init; } = 2;

    public string Group { get; init; } = DefaultGroup;

    public Assignor Assignor { get; init; } = Assignor.CooperativeSticky;

    /// <summary>group.instance.id per instance: restarts within the session timeout cause no rebalance.</summary>
    public bool StaticMembership { get; init; }

    public ProcessingMode Processing { get; init; } = ProcessingMode.Concurrent;

    /// <summary>Bank calls in flight per instance (concurrent mode; blocking mode is always 1).</summary>
    public int Concurrency { get; init; } = 16;

    public BufferMode Buffer { get; init; } = BufferMode.Memory;

    /// <summary>Events one instance may hold in its buffer.</summary>
    public int BufferLimit { get; init; } = 10_000;

    /// <summary>Client-side budget for bank calls, split across instances by partition share; null: no client limiter.</summary>
    public double? RateLimit { get; init; }

    /// <summary>
    /// The model's input: how long a restarting instance's partitions wait, from the stop request to its first record
    /// applied again (stop, replacement, process start, join, first fetch). The load test measures it and never imposes it.
    /// </summary>
    public TimeSpan RestartTime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// What the load test imposes, as an orchestrator would: from the old process's exit to the new process's start
    /// during a rolling deploy (a StatefulSet recreating a pod from a cached image). Part of <see cref="RestartTime"/>.
    /// </summary>
    public TimeSpan ReplacementTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a rebalance stops the partitions it touches (the whole group when eager).</summary>
    public TimeSpan RebalanceTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The pipeline's own time per bank call on top of the bank's latency (HTTP, serialization, commit
    /// bookkeeping): Little's law uses latency + overhead. Zero unless measured.
    /// </summary>
    public TimeSpan CallOverhead { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Events an instance re-sends to the bank after a restart: taken and applied past its last commit before it
    /// stopped, read again from the committed offset. Each costs a call and applies nothing (the bank's idempotency
    /// key refuses it), so the instance's partitions make no progress until they are through. Zero unless measured.
    /// </summary>
    public int RestartReplay { get; init; }

    /// <summary>session.timeout.ms: how long a dead member keeps its partitions before it is expelled.</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>What happens to an instance that exits without the timeline asking for it (a crash).</summary>
    public RestartPolicy RestartPolicy { get; init; } = RestartPolicy.Never;

    /// <summary>
    /// First wait before a crashed instance is started again (on-failure); it doubles with each crash in a row up to
    /// <see cref="RestartBackoffMax"/>, as Kubernetes' CrashLoopBackOff does (10 s doubling to 5 min). Wall time.
    /// </summary>
    public TimeSpan RestartBackoff { get; init; } = DefaultRestartBackoff;

    /// <summary>Cap of the doubling back-off. An instance that ran twice this long without crashing starts again from <see cref="RestartBackoff"/>.</summary>
    public TimeSpan RestartBackoffMax { get; init; } = DefaultRestartBackoffMax;

    public static TimeSpan DefaultRestartBackoff { get; } = TimeSpan.FromSeconds(10);

    public static TimeSpan DefaultRestartBackoffMax { get; } = TimeSpan.FromMinutes(5);

    public bool IsEager => Assignor != Assignor.CooperativeSticky;
}
