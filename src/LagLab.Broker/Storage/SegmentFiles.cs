using System.Globalization;

namespace LagLab.Broker.Storage;

/// <summary>File names of a segment, Kafka style: the base offset in 20 digits, one extension per file.</summary>
internal static class SegmentFiles
{
    public const string LogExtension = ".log";
    public const string OffsetIndexExtension = ".index";
    public const string TimeIndexExtension = ".timeindex";
    public const string SnapshotExtension = ".snapshot";

    public static string Name(long baseOffset) => baseOffset.ToString("D20", CultureInfo.InvariantCulture);

    public static string Path(string directory, long baseOffset, string extension) =>
        System.IO.Path.Combine(directory, Name(baseOffset) + extension);

    /// <summary>Parses "00000000000000001234.log" (or any extension) back to 1234.</summary>
    public static bool TryParseBaseOffset(string fileName, string extension, out long baseOffset)
    {
        baseOffset = -1;
        var name = System.IO.Path.GetFileName(fileName);
        return name.EndsWith(extension, StringComparison.Ordinal)
            && name.Length == 20 + extension.Length
            && long.TryParse(name.AsSpan(0, 20), NumberStyles.None, CultureInfo.InvariantCulture, out baseOffset);
    }
}
