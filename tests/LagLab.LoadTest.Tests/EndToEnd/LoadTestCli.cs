using LagLab.Testing;

namespace LagLab.LoadTest.Tests.EndToEnd;

/// <summary>Runs the built CLI's <c>laglab loadtest</c> as a user would, with plain output, and returns its exit code and output.</summary>
internal static class LoadTestCli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static Task<ProcessRunner.Result> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync("dotnet", [LaglabProcess.CliPath, "loadtest", .. arguments, "--live", "plain"], Timeout, cancellationToken: cancellationToken);

    public static string Scenario(string name) => Path.Combine(RepositoryRoot.Find(), "scenarios", name);

    /// <summary>A scenario from this project's Scenarios folder with {{BOOTSTRAP}} filled in, written to <paramref name="directory"/>.</summary>
    public static string Template(string name, string directory, string bootstrap)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", name)).Replace("{{BOOTSTRAP}}", bootstrap, StringComparison.Ordinal);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public static string Describe(ProcessRunner.Result result) =>
        $"exit {result.ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{result.StandardOutput}{Environment.NewLine}stderr:{Environment.NewLine}{result.StandardError}";
}
