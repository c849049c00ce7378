using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using LagLab.Pipeline.Processing;

namespace LagLab.Pipeline.Hosting;

/// <summary>
/// Writes results and dead letters with one idempotent, acks=all producer. A dead letter carries its reason and origin as
/// headers (<c>laglab-dlq-reason</c>, <c>-topic</c>, <c>-partition</c>, <c>-offset</c>) and the original key and value.
/// </summary>
internal sealed class KafkaOutcomeSink : IOutcomeSink
{
    public const string ReasonHeader = "laglab-dlq-reason";

    private readonly IProducer<byte[]?, byte[]?> _producer;
    private readonly string _resultsTopic;
    private readonly string _deadLetterTopic;

    public KafkaOutcomeSink(IProducer<byte[]?, byte[]?> producer, string resultsTopic, string deadLetterTopic)
    {
        _producer = producer;
        _resultsTopic = resultsTopic;
        _deadLetterTopic = deadLetterTopic;
    }

    public async Task PublishResultAsync(ResultRecord result, CancellationToken cancellationToken)
    {
        var message = new Message<byte[]?, byte[]?>
        {
            Key = Encoding.UTF8.GetBytes(result.EventId),
            Value = JsonSerializer.SerializeToUtf8Bytes(result, PipelineJsonContext.Default.ResultRecord),
        };
        await _producer.ProduceAsync(_resultsTopic, message, cancellationToken).ConfigureAwait(false);
    }

    public async Task PublishDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken) =>
        await _producer.ProduceAsync(_deadLetterTopic, ToMessage(deadLetter), cancellationToken).ConfigureAwait(false);

    /// <summary>For the poll loop, which must not wait: <paramref name="delivered"/> runs on the producer's thread.</summary>
    public void PublishDeadLetter(DeadLetter deadLetter, Action<bool, string?> delivered) =>
        _producer.Produce(_deadLetterTopic, ToMessage(deadLetter), report =>
            delivered(report.Error.Code == ErrorCode.NoError, report.Error.IsError ? report.Error.Reason : null));

    private static Message<byte[]?, byte[]?> ToMessage(DeadLetter deadLetter) => new()
    {
        Key = deadLetter.Key,
        Value = deadLetter.Value,
        Headers = new Headers
        {
            { ReasonHeader, Encoding.UTF8.GetBytes(deadLetter.Reason) },
            { "laglab-dlq-topic", Encoding.UTF8.GetBytes(deadLetter.Topic) },
            { "laglab-dlq-partition", Encoding.UTF8.GetBytes(deadLetter.Partition.ToString(CultureInfo.InvariantCulture)) },
            { "laglab-dlq-offset", Encoding.UTF8.GetBytes(deadLetter.Offset.ToString(CultureInfo.InvariantCulture)) },
        },
    };
}
