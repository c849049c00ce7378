namespace LagLab.Scenarios.Tests.Loading;

/// <summary>Parses YAML text in tests and returns the scenario or its errors.</summary>
internal static class ScenarioYaml
{
    public const string Minimal = """
        producer:
          rate: 100
          duration: 1m
        """;

    public static Scenario Parse(string yaml, string? directory = null) =>
        ScenarioLoader.Parse(yaml, "test.yaml", directory ?? Path.GetTempPath());

    public static IReadOnlyList<ScenarioError> Errors(string yaml, string? directory = null)
    {
        var ex = Assert.Throws<ScenarioException>(() => Parse(yaml, directory));
        Assert.NotEmpty(ex.Errors);
        return ex.Errors;
    }

    public static ScenarioError Single(string yaml, string? directory = null) => Assert.Single(Errors(yaml, directory));

    /// <summary>The repository root (where LagLab.slnx is), found from the test's output directory.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LagLab.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("LagLab.slnx not found above " + AppContext.BaseDirectory);
    }
}
