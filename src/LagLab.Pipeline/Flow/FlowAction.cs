namespace LagLab.Pipeline.Flow;

/// <summary>What the poll loop must do to its partitions after a back-pressure evaluation.</summary>
internal enum FlowAction
{
    None,
    Pause,
    Resume,
}
