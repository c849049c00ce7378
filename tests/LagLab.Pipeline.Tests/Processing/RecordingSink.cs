using System.Collections.Concurrent;
using LagLab.Pipeline.Processing;

namespace LagLab.Pipeline.Tests.Processing;

/// <summary>Keeps what the processor published, in order.</summary>
internal sealed class RecordingSink : IOutcomeSink
{
    public ConcurrentQueue<ResultRecord> Results { get; } = new();

    public ConcurrentQueue<DeadLetter> DeadLetters { get; } = new();

    public Task PublishResultAsync(ResultRecord result, CancellationToken cancellationToken)
    {
        Results.Enqueue(result);
        return Task.CompletedTask;
    }

    public Task PublishDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        DeadLetters.Enqueue(deadLetter);
        return Task.CompletedTask;
    }
}
