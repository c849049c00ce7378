namespace LagLab.Monitor.Analysis;

/// <summary>
/// One poll of one group's partition: committed offset (null: none), end offset and current lag.
/// Stored compactly (24 bytes: UTC ticks, committed with a sentinel for none, end offset) because the
/// monitor keeps a window of these for every group-partition; the lag is derived, never stored.
/// </summary>
internal readonly struct PartitionSample(DateTimeOffset time, long? committed, long latest) : IEquatable<PartitionSample>
{
    private const long NoCommit = long.MinValue;

    private readonly long _ticks = time.UtcTicks;
    private readonly long _committed = committed ?? NoCommit;

    public DateTimeOffset Time => new(_ticks, TimeSpan.Zero);

    public long? Committed => _committed == NoCommit ? null : _committed;

    public long Latest { get; } = latest;

    /// <summary>End offset minus committed offset, never negative; null without a committed offset.</summary>
    public long? Lag => _committed == NoCommit ? null : Math.Max(0, Latest - _committed);

    internal long Ticks => _ticks;

    public bool Equals(PartitionSample other) => _ticks == other._ticks && _committed == other._committed && Latest == other.Latest;

    public override bool Equals(object? obj) => obj is PartitionSample other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_ticks, _committed, Latest);

    public static bool operator ==(PartitionSample left, PartitionSample right) => left.Equals(right);

    public static bool operator !=(PartitionSample left, PartitionSample right) => !left.Equals(right);
}
