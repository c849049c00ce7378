namespace LagLab.Broker.Storage;

/// <summary>
/// The first check on <c>--data-dir</c>: it must be a directory the broker can create and write in. Done
/// before anything else touches it, so a file, a read-only place or a typo fails with one line naming the
/// path instead of an exception deep inside storage.
/// </summary>
internal static class DataDirectory
{
    public static void EnsureUsable(string? path)
    {
        if (path is null)
        {
            return;
        }
        if (File.Exists(path))
        {
            throw new BrokerStartException($"--data-dir {path} is a file, not a directory.");
        }
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, ".write-check");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BrokerStartException($"--data-dir {path} is not a writable directory: {ex.Message}", ex);
        }
    }
}
