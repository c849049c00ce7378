namespace LagLab.Testing;

/// <summary>
/// External programs the suite drives (kcat, Debian's python3 with kafka-python, promtool...).
/// A missing tool skips the test on a developer machine, but fails it under CI=true: in CI nothing may be skipped.
/// </summary>
public static class RequiredTool
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the tool's path, or skips/fails the current test when it is missing.</summary>
    public static string Require(string path, string debianPackage)
    {
        if (File.Exists(path))
        {
            return path;
        }
        var message = $"{path} is missing: install the Debian package '{debianPackage}' (./test.sh does so when run as root).";
        if (InCi)
        {
            Assert.Fail(message);
        }
        Assert.Skip(message);
        return path;
    }

    /// <summary>Debian's python3 (the pyenv one first on PATH does not see Debian's python3-* packages), checked for a module.</summary>
    public static string RequirePythonModule(string module, string debianPackage)
    {
        var python = Require("/usr/bin/python3", "python3");
        var moduleDirectory = Path.Combine("/usr/lib/python3/dist-packages", module);
        Require(Path.Combine(moduleDirectory, "__init__.py"), debianPackage);
        return python;
    }
}
