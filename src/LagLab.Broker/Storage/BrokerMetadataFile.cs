namespace LagLab.Broker.Storage;

/// <summary>
/// The data directory's identity file, <c>meta.properties</c> as Kafka names it: the cluster id stays
/// the same across restarts on the same directory.
/// </summary>
internal static class BrokerMetadataFile
{
    public const string FileName = "meta.properties";

    /// <summary>Reads the cluster id from the directory, creating the file on first start.</summary>
    public static string LoadOrCreateClusterId(string? dataDirectory)
    {
        if (dataDirectory is null)
        {
            return NewClusterId();
        }
        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadAllLines(path))
            {
                if (line.StartsWith("cluster.id=", StringComparison.Ordinal))
                {
                    var id = line["cluster.id=".Length..].Trim();
                    if (id.Length > 0)
                    {
                        return id;
                    }
                }
            }
            throw new InvalidDataException($"{path} has no cluster.id line; fix or remove the file.");
        }
        var clusterId = NewClusterId();
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, $"version=1\ncluster.id={clusterId}\n");
        File.Move(temporary, path, overwrite: true);
        return clusterId;
    }

    /// <summary>22 characters of URL-safe base64 from a random UUID, the shape Kafka uses.</summary>
    public static string NewClusterId() =>
        Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
