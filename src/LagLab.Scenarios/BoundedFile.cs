using System.Globalization;
using System.Text;

namespace LagLab.Scenarios;

/// <summary>
/// Reads a user-given text file up to a size bound, so a wrong path (<c>/dev/zero</c>, a log, a disk image) is refused
/// at once instead of being read until the process runs out of memory. The bounds are far above any real input.
/// </summary>
public static class BoundedFile
{
    /// <summary>Scenario files and rate profiles: the built-ins are about 2 KB.</summary>
    public const int MaxScenarioBytes = 1024 * 1024;

    /// <summary>Replay CSV files: a day of one row per second is about 1.3 MB.</summary>
    public const int MaxReplayBytes = 64 * 1024 * 1024;

    /// <summary>
    /// The whole text (UTF-8) of <paramref name="path"/>; an <see cref="IOException"/> naming the bound when it holds more
    /// than <paramref name="maxBytes"/>, so callers handle it as any other unreadable file. Devices and pipes are read the same way, never past the bound.
    /// </summary>
    public static string ReadAllText(string path, int maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        if (stream.CanSeek && stream.Length > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        var buffer = new byte[Math.Min(maxBytes + 1, stream.CanSeek && stream.Length > 0 ? (int)stream.Length + 1 : 64 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }
                Array.Resize(ref buffer, Math.Min(maxBytes + 1, buffer.Length * 2));
            }
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }
            length += read;
        }
        if (length > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(buffer, 0, length).TrimStart('\uFEFF');
    }

    private static IOException TooLarge(int maxBytes) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the file is larger than {maxBytes / (1024 * 1024)} MiB, the most accepted"));
}
