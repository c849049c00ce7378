namespace LagLab.Pipeline.Processing;

/// <summary>Where final outcomes are written: the results topic and the dead-letter topic. Each task completes once Kafka acknowledged the record.</summary>
internal interface IOutcomeSink
{
    Task PublishResultAsync(ResultRecord result, CancellationToken cancellationToken);

    Task PublishDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken);
}
