namespace LagLab.Pipeline.Producing;

/// <summary>What a produce run did.</summary>
public sealed record ProduceSummary(long Sent, long Failed, TimeSpan Elapsed)
{
    public double Rate => Elapsed > TimeSpan.Zero ? Sent / Elapsed.TotalSeconds : 0;
}
