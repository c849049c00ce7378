using System.Text.Json;

namespace LagLab.Broker.Topics;

/// <summary>
/// Topic metadata in <c>&lt;data-dir&gt;/topics.json</c>, rewritten whole (temporary file, fsync, rename)
/// on every change, so a crash leaves either the old or the new file. Null directory: nothing is stored.
/// </summary>
internal sealed class TopicStore(string? dataDirectory)
{
    public const string FileName = "topics.json";
    private const int Version = 1;

    private string? Path => dataDirectory is null ? null : System.IO.Path.Combine(dataDirectory, FileName);

    public IReadOnlyList<StoredTopic> Load()
    {
        if (Path is not { } path || !File.Exists(path))
        {
            return [];
        }
        StoredTopics? stored;
        try
        {
            stored = JsonSerializer.Deserialize(File.ReadAllBytes(path), TopicStoreJsonContext.Default.StoredTopics);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid topic metadata: {ex.Message}", ex);
        }
        if (stored is null || stored.Version != Version)
        {
            throw new InvalidDataException($"{path} has version {stored?.Version}, expected {Version}.");
        }
        return stored.Topics;
    }

    public void Save(IEnumerable<Topic> topics)
    {
        if (Path is not { } path)
        {
            return;
        }
        var stored = new StoredTopics(Version, topics
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new StoredTopic(t.Name, t.Id, t.Partitions.Count, t.IsInternal, new Dictionary<string, string>(t.Config.Overrides)))
            .ToList());
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(stream, stored, TopicStoreJsonContext.Default.StoredTopics);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
