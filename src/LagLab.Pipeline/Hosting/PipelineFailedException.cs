namespace LagLab.Pipeline.Hosting;

/// <summary>
/// The pipeline stopped on an unexpected failure (a bug, or an outcome it cannot make final, such as a result or dead
/// letter Kafka would not take). Carrying on would stall a partition's commits or break an account's order, so the
/// instance stops instead (final offsets committed where it could still do so safely) and its partitions go to the
/// rest of the group; the message says what it was doing, on which partition and offset.
/// </summary>
public sealed class PipelineFailedException : Exception
{
    public PipelineFailedException(string activity, Exception? cause)
        : base(cause is null ? $"pipeline failed while {activity}" : $"pipeline failed while {activity}: {cause.GetType().Name}: {cause.Message}", cause)
    {
        Activity = activity;
    }

    public PipelineFailedException()
        : this("running", null)
    {
    }

    public PipelineFailedException(string message)
        : this(message, null)
    {
    }

    /// <summary>What the pipeline was doing, with the partition and offset when there was one.</summary>
    public string Activity { get; } = "running";
}
