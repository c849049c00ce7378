namespace LagLab.Broker.Storage;

/// <summary>A partition log kept in memory (<c>--in-memory</c>): same segments, roll and retention as on disk.</summary>
internal sealed class MemoryLog : SegmentedLog
{
    public MemoryLog(LogConfig config, TimeProvider timeProvider, long startOffset = 0)
        : base(config, timeProvider)
    {
        Initialize([new MemorySegment(startOffset)]);
    }

    protected override ILogSegment CreateSegment(long baseOffset) => new MemorySegment(baseOffset);
}
