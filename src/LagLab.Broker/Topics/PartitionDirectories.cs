using System.Globalization;
using System.Text.RegularExpressions;
using LagLab.Broker.Storage;

namespace LagLab.Broker.Topics;

/// <summary>
/// The partition folders of a data directory (<c>&lt;topic&gt;-&lt;partition&gt;</c>) and the only two
/// ways one ever leaves: a folder renamed <c>….&lt;id&gt;-delete</c> by a topic delete is removed, and a
/// folder that holds no record at all (a create interrupted before <c>topics.json</c> was written) may be
/// removed. A folder with records is never deleted because metadata does not mention it: metadata can be
/// lost, records cannot be recreated.
/// </summary>
internal static partial class PartitionDirectories
{
    private const string DeleteSuffix = "-delete";

    /// <summary>Every folder named like a partition, with its topic and index.</summary>
    public static IEnumerable<(string Path, string Topic, int Index)> Find(string dataDirectory)
    {
        foreach (var candidate in Directory.EnumerateDirectories(dataDirectory))
        {
            var match = PartitionDirectoryName().Match(Path.GetFileName(candidate));
            if (match.Success && int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                yield return (candidate, match.Groups[1].Value, index);
            }
        }
    }

    /// <summary>True when the folder holds at least one record (a non-empty segment file).</summary>
    public static bool HoldsRecords(string directory) =>
        Directory.EnumerateFiles(directory, "*" + SegmentFiles.LogExtension).Any(f => new FileInfo(f).Length > 0);

    /// <summary>Folders left by a delete that was interrupted after the rename.</summary>
    public static IEnumerable<string> MarkedForDeletion(string dataDirectory) =>
        Directory.EnumerateDirectories(dataDirectory, "*" + DeleteSuffix);

    /// <summary>Kafka's way: the folder is first renamed out of the partition namespace, then removed.</summary>
    public static string MarkForDeletion(string directory)
    {
        var marked = $"{directory}.{Guid.NewGuid():N}{DeleteSuffix}";
        Directory.Move(directory, marked);
        return marked;
    }

    /// <summary>Moves a folder with records out of the way of a new partition of the same name; returns where it went.</summary>
    public static string SetAside(string directory)
    {
        var kept = $"{directory}.stale.{Guid.NewGuid():N}";
        Directory.Move(directory, kept);
        return kept;
    }

    [GeneratedRegex(@"^(.+)-(\d+)$")]
    private static partial Regex PartitionDirectoryName();
}
