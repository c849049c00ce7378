using System.Text.Json;
using Confluent.Kafka;

namespace LagLab.GroupMember;

/// <summary>Writes one JSON object per line to stdout: {"t": unix ms, "event": ..., ...}. Thread-safe.</summary>
internal sealed class EventWriter(TextWriter output, TimeProvider time)
{
    private readonly Lock _lock = new();

    public void Emit(string name, IEnumerable<TopicPartition>? partitions = null, IEnumerable<TopicPartition>? assignment = null, ConsumeResult<string?, string?>? record = null, string? detail = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("t", time.GetUtcNow().ToUnixTimeMilliseconds());
            json.WriteString("event", name);
            if (partitions is not null)
            {
                WriteList(json, "partitions", partitions);
            }
            if (assignment is not null)
            {
                WriteList(json, "assignment", assignment);
            }
            if (record is not null)
            {
                json.WriteString("topic", record.Topic);
                json.WriteNumber("partition", record.Partition.Value);
                json.WriteNumber("offset", record.Offset.Value);
                json.WriteString("key", record.Message.Key);
            }
            if (detail is not null)
            {
                json.WriteString("detail", detail);
            }
            json.WriteEndObject();
        }
        var line = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        lock (_lock)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private static void WriteList(Utf8JsonWriter json, string name, IEnumerable<TopicPartition> partitions)
    {
        json.WriteStartArray(name);
        foreach (var partition in partitions.OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition.Value))
        {
            json.WriteStringValue($"{partition.Topic}:{partition.Partition.Value}");
        }
        json.WriteEndArray();
    }
}
