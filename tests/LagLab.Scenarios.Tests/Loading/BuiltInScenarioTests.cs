using System.Text.RegularExpressions;

namespace LagLab.Scenarios.Tests.Loading;

public sealed partial class BuiltInScenarioTests
{
    private static string[] FileNames() =>
        [.. Directory.GetFiles(Path.Combine(ScenarioYaml.RepositoryRoot(), "scenarios"), "*.yaml").Select(f => Path.GetFileName(f))];

    public static TheoryData<string> ScenarioFiles() => [.. FileNames()];

    [Fact]
    public void BuiltInNames_AreTheFilesOfTheScenariosFolder()
    {
        var files = FileNames().Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(files, ScenarioLoader.BuiltInNames);
        Assert.Contains("incident", ScenarioLoader.BuiltInNames);
        Assert.Contains("fixed", ScenarioLoader.BuiltInNames);
        Assert.Contains("ci-pass", ScenarioLoader.BuiltInNames);
        Assert.Contains("ci-fail", ScenarioLoader.BuiltInNames);
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Load_EveryFileInScenarios_IsValid(string file)
    {
        var path = Path.Combine(ScenarioYaml.RepositoryRoot(), "scenarios", file);

        var scenario = ScenarioLoader.Load(path);

        var builtIn = ScenarioLoader.LoadBuiltIn(scenario.Name);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), scenario.Name);
        Assert.Equal($"builtin:{scenario.Name}", builtIn.Source);
        Assert.Equal(scenario.Topic, builtIn.Topic);
        Assert.Equal(scenario.Fleet, builtIn.Fleet);
        Assert.Equal(scenario.Producer.Rate.Describe(), builtIn.Producer.Rate.Describe());
        Assert.Equal(scenario.Actions, builtIn.Actions);
        Assert.Equal(scenario.Slos, builtIn.Slos);
    }

    [Fact]
    public void Incident_IsTheWriteUpsSetup()
    {
        var s = ScenarioLoader.Resolve("incident");

        Assert.Equal(3, s.Topic.Partitions);
        Assert.Equal(2, s.Fleet.Instances);
        Assert.True(s.Fleet.IsEager);
        Assert.Equal(ProcessingMode.Blocking, s.Fleet.Processing);
        Assert.Equal(200, s.Bank.RateLimit);
        Assert.True(s.Producer.Rate.Peak > 200);
        var deploy = Assert.IsType<RollingDeployAction>(Assert.Single(s.Actions));
        Assert.Equal(TimeSpan.FromDays(1), deploy.Every);
        Assert.InRange(s.TimeScale.ToWall(TimeSpan.FromDays(1)), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Fixed_HasTheSameTrafficAndBank_WithTheFixes()
    {
        var incident = ScenarioLoader.Resolve("incident");
        var s = ScenarioLoader.Resolve("fixed.yaml");

        Assert.Equal(incident.Producer.Rate.Describe(), s.Producer.Rate.Describe());
        Assert.Equal(incident.Bank.RateLimit, s.Bank.RateLimit);
        Assert.Equal(incident.Bank.Latency.MeanSeconds, s.Bank.Latency.MeanSeconds);
        Assert.Equal(incident.Producer.Accounts, s.Producer.Accounts);
        Assert.Equal(incident.Actions, s.Actions);
        Assert.Equal(incident.TimeScale, s.TimeScale);
        Assert.Equal(12, s.Topic.Partitions);
        Assert.Equal(Assignor.CooperativeSticky, s.Fleet.Assignor);
        Assert.True(s.Fleet.StaticMembership);
        Assert.Equal(ProcessingMode.Concurrent, s.Fleet.Processing);
        Assert.Equal(BufferMode.Durable, s.Fleet.Buffer);
    }

    [Fact]
    public void Resolve_UnknownName_ListsTheBuiltIns()
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Resolve("incidnet"));

        Assert.Contains("built-in: ci-fail, ci-pass, fixed, incident", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentedCompleteExample_LoadsAndUsesEveryField()
    {
        var doc = File.ReadAllText(Path.Combine(ScenarioYaml.RepositoryRoot(), "docs", "scenarios.md"));
        var match = CompleteExample().Match(doc);
        Assert.True(match.Success, "docs/scenarios.md needs a ```yaml block after '## A complete example'");

        var s = ScenarioYaml.Parse(match.Groups[1].Value);

        Assert.Equal(ClusterKind.Embedded, s.Cluster.Kind);
        Assert.NotEmpty(s.Actions);
        Assert.NotNull(s.Slos.MaxLag);
        Assert.NotNull(s.Slos.MaxTimeLag);
        Assert.NotNull(s.Slos.P99EndToEnd);
        Assert.NotNull(s.Slos.MaxAlert);
        Assert.Equal(7, s.Actions.Select(a => a.Type).Distinct().Count());
    }

    [GeneratedRegex(@"## A complete example.*?```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CompleteExample();
}
