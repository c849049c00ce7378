namespace LagLab.Bench.Broker;

internal sealed record ThroughputResult(string Target, string Operation, int RecordSize, int Records, TimeSpan Elapsed)
{
    public double MessagesPerSecond => Records / Elapsed.TotalSeconds;

    public double MegabytesPerSecond => Records * (double)RecordSize / Elapsed.TotalSeconds / (1024 * 1024);
}
