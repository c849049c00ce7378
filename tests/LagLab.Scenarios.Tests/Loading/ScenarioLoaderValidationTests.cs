namespace LagLab.Scenarios.Tests.Loading;

public sealed class ScenarioLoaderValidationTests
{
    [Fact]
    public void Parse_UnknownField_NamesPathLineColumnAndSuggestsTheField()
    {
        var error = ScenarioYaml.Single("""
            producer:
              rate: 100
              duration: 1m
            topic:
              partitons: 12
            """);

        Assert.Equal("topic.partitons", error.Path);
        Assert.Equal(5, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("unknown field \"partitons\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean \"partitions\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownTopLevelField_ListsNothingMisleading()
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\nbanc:\n  rate_limit: 10\n");

        Assert.Equal("banc", error.Path);
        Assert.Equal(4, error.Line);
        Assert.Contains("did you mean \"bank\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadDuration_NamesFieldAndLine()
    {
        var error = ScenarioYaml.Single("""
            producer:
              rate: 100
              duration: 10 minutes
            """);

        Assert.Equal("producer.duration", error.Path);
        Assert.Equal(3, error.Line);
        Assert.Equal(13, error.Column);
        Assert.Contains("expected a duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DurationWithoutUnit_AsksForAUnit()
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\nfleet:\n  restart_time: 3\n");

        Assert.Equal("fleet.restart_time", error.Path);
        Assert.Contains("missing unit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RestartShorterThanReplacement_NamesBothAndWhy()
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\nfleet:\n  replacement_time: 5s\n  restart_time: 3s\n");

        Assert.Equal("fleet.restart_time", error.Path);
        Assert.Contains("cannot be shorter than replacement_time (5s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NegativeRestartReplay_NamesTheField()
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\nfleet:\n  restart_replay: -5\n");

        Assert.Equal("fleet.restart_replay", error.Path);
    }

    [Fact]
    public void Parse_RestartReplay_IsRead()
    {
        var s = ScenarioYaml.Parse(ScenarioYaml.Minimal + "\nfleet:\n  restart_replay: 1500\n");

        Assert.Equal(1500, s.Fleet.RestartReplay);
    }

    [Fact]
    public void Parse_NegativeRate_IsRejected()
    {
        var error = ScenarioYaml.Single("""
            producer:
              rate:
                type: diurnal
                min: -5
                max: 100
              duration: 1m
            """);

        Assert.Equal("producer.rate.min", error.Path);
        Assert.Equal(4, error.Line);
        Assert.Contains("cannot be negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotANumber_SaysWhatWasExpected()
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\ntopic:\n  partitions: twelve\n");

        Assert.Equal("topic.partitions", error.Path);
        Assert.Contains("whole number", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"twelve\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("topic:\n  partitions: 0\n", "topic.partitions", "between 1 and 10000")]
    [InlineData("fleet:\n  instances: 0\n", "fleet.instances", "between 1 and 1000")]
    [InlineData("bank:\n  error_rate: 1.5\n", "bank.error_rate", "between 0 and 0.99")]
    [InlineData("bank:\n  rate_limit: 0\n", "bank.rate_limit", "above 0")]
    [InlineData("alerts:\n  warning: 20000\n", "alerts.critical", "above warning")]
    [InlineData("time_scale:\n  factor: 0.5\n", "time_scale.factor", "between 1 and")]
    [InlineData("time_scale:\n  factor: 10\n  day: 3m\n", "time_scale.day", "not both")]
    [InlineData("bank:\n  latency:\n    p50: 50ms\n    p99: 10ms\n", "bank.latency.p99", "must not be below p50")]
    [InlineData("cluster:\n  type: external\n", "cluster.bootstrap_servers", "needs bootstrap_servers")]
    [InlineData("cluster:\n  bootstrap_servers: k:9092\n", "cluster.bootstrap_servers", "type: external")]
    [InlineData("fleet:\n  processing: blocking\n  buffer: durable\n", "fleet.buffer", "no buffer")]
    [InlineData("fleet:\n  processing: blocking\n  concurrency: 8\n", "fleet.concurrency", "one call at a time")]
    [InlineData("fleet:\n  assignor: cooperative-stiky\n", "fleet.assignor", "did you mean \"cooperative-sticky\"")]
    [InlineData("slos:\n  max_alert: severe\n", "slos.max_alert", "expected one of none, warning, critical")]
    [InlineData("fleet:\n  static_membership: maybe\n", "fleet.static_membership", "true or false")]
    [InlineData("topic: 3\n", "topic", "expected a mapping")]
    [InlineData("actions:\n  type: kill\n", "actions", "expected a list")]
    public void Parse_InvalidValue_NamesTheFieldAndTheRule(string section, string path, string expected)
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\n" + section);

        Assert.Equal(path, error.Path);
        Assert.True(error.Line > 3, $"line {error.Line} should point into the section");
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingProducer_IsReported()
    {
        var error = ScenarioYaml.Single("topic:\n  partitions: 3\n");

        Assert.Equal("producer", error.Path);
        Assert.Contains("missing required field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var errors = ScenarioYaml.Errors("""
            producer:
              rate: fast
              duration: 1m
            topic:
              partitions: -1
            fleet:
              instanses: 2
            """);

        Assert.Equal(["producer.rate", "topic.partitions", "fleet.instanses"], errors.Select(e => e.Path));
        Assert.Equal([2, 5, 7], errors.Select(e => e.Line));
    }

    [Fact]
    public void Parse_YamlSyntaxError_GivesTheLine()
    {
        var error = ScenarioYaml.Single("producer:\n  rate: [100\n  duration: 1m\n");

        Assert.Contains("YAML syntax error", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 2, $"line {error.Line}");
    }

    [Fact]
    public void Parse_DuplicateField_IsAnError()
    {
        var errors = ScenarioYaml.Errors(ScenarioYaml.Minimal + "\ntopic:\n  partitions: 3\n  partitions: 4\n");

        Assert.Contains(errors, e => e.Line >= 5);
    }

    [Fact]
    public void Parse_EmptyDocument_IsAnError()
    {
        Assert.Contains("empty", ScenarioYaml.Single("").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownAction_SuggestsTheType()
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\nactions:\n  - type: rolling_deplo\n    every: 10s\n");

        Assert.Equal("actions[0].type", error.Path);
        Assert.Equal(5, error.Line);
        Assert.Contains("did you mean \"rolling_deploy\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  - type: kill\n    at: 10s\n    instance: 5\n", "actions[0].instance", "does not exist")]
    [InlineData("  - type: add_partitions\n    at: 10s\n    partitions: 2\n", "actions[0].partitions", "exceed the current 3")]
    [InlineData("  - type: bank_outage\n    at: 2m\n    duration: 10s\n", "actions[0].at", "after the end of the run")]
    [InlineData("  - type: kill\n    at: 10s\n    instance: 0\n    restart_afer: 5s\n", "actions[0].restart_afer", "did you mean \"restart_after\"")]
    [InlineData("  - type: pause_broker\n    at: 10s\n", "actions[0].duration", "missing required field")]
    [InlineData("  - type: rolling_deploy\n", "actions[0].at", "needs at, every, or both")]
    public void Parse_InvalidAction_NamesTheField(string action, string path, string expected)
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\ntopic:\n  partitions: 3\nactions:\n" + action);

        Assert.Equal(path, error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FleetActionsOnExternalFleet_AreRejected()
    {
        var error = ScenarioYaml.Single(ScenarioYaml.Minimal + "\nfleet:\n  type: external\nactions:\n  - type: scale\n    at: 10s\n    instances: 3\n");

        Assert.Equal("actions[0].type", error.Path);
        Assert.Contains("fleet.type: local", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exception_Message_IsCompilerStyle()
    {
        var ex = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(ScenarioYaml.Minimal + "\ntopic:\n  partitons: 3\n", "incident.yaml", "."));

        Assert.StartsWith("incident.yaml:5:3: topic.partitons: unknown field", ex.Message, StringComparison.Ordinal);
    }
}
