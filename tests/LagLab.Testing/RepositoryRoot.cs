namespace LagLab.Testing;

/// <summary>Finds the repository root (the folder holding LagLab.slnx) from the test's output directory.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LagLab.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No LagLab.slnx above {AppContext.BaseDirectory}.");
    }
}
