using LagLab.Monitor.Alerting;

namespace LagLab.Monitor.Tests.Alerting;

public sealed class RuleFileLoaderTests
{
    [Fact]
    public void Load_ShippedRuleFile_HasTheWriteUpsRulesExactly()
    {
        var file = RuleFileLoader.Load(ShippedFiles.RuleFile);

        var warning = Assert.Single(file.Rules, r => r.Name == "KafkaConsumerLagWarning");
        var critical = Assert.Single(file.Rules, r => r.Name == "KafkaConsumerLagCritical");
        Assert.Equal("kafka_consumer_lag > 1000", warning.ExpressionText);
        Assert.Equal("kafka_consumer_lag > 10000", critical.ExpressionText);
        Assert.Equal(TimeSpan.FromMinutes(5), warning.For);
        Assert.Equal(TimeSpan.FromMinutes(5), critical.For);
        Assert.Equal([1000.0, 10000.0], file.LagThresholds());
        Assert.Contains(file.Rules, r => r.ExpressionText == "laglab_monitor_up == 0");
        Assert.Equal(9, file.Rules.Count);
    }

    [Theory]
    [InlineData("      - alert: Broken\n        expr: rate(x[5m]) > 1\n", "rules.yml:5: rule 'Broken': expr column 1: function 'rate' is not supported")]
    [InlineData("      - alert: Broken\n        expr: x > 1\n        for: soon\n", "rules.yml:6: rule 'Broken': 'for' is not a duration: 'soon'")]
    [InlineData("      - alert: Broken\n        expr: x > 1\n        keep_firing_for: 5m\n", "rules.yml:6: rule 'Broken': unknown key 'keep_firing_for'")]
    [InlineData("      - record: x:sum\n        expr: sum(x)\n", "rules.yml:4: group 'g': recording rules are not supported")]
    [InlineData("      - alert: Broken\n", "rules.yml:4: rule 'Broken': 'expr' is missing")]
    [InlineData("      - alert: Broken\n        expr: x > 1\n        annotations:\n          summary: \"{{ $value | humanize }}\"\n", "rules.yml:7: rule 'Broken': annotations.summary: template action")]
    [InlineData("      - alert: Broken\n        expr: x > 1\n        labels: [a]\n", "rules.yml:6: rule 'Broken': 'labels' must be a mapping")]
    public void Parse_BadRule_NamesFileLineAndRule(string rules, string expected)
    {
        var text = "groups:\n  - name: g\n    rules:\n      - alert: Fine\n        expr: x > 1\n".Replace("      - alert: Fine\n        expr: x > 1\n", rules, StringComparison.Ordinal);

        var error = Assert.Throws<RuleFileException>(() => RuleFileLoader.Parse(text, "rules.yml"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules: []", "rules.yml:1: a rule file needs a 'groups' list")]
    [InlineData("groups:\n  - name: g\n", "rules.yml:2: group 'g' needs a 'rules' list")]
    [InlineData("groups:\n  - name: g\n    rules: []\n  - name: g\n    rules: []\n", "rules.yml:4: group 'g' appears twice")]
    public void Parse_BadStructure_NamesFileAndLine(string text, string expected)
    {
        var error = Assert.Throws<RuleFileException>(() => RuleFileLoader.Parse(text, "rules.yml"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidYaml_NamesFileAndLine()
    {
        var error = Assert.Throws<RuleFileException>(() => RuleFileLoader.Parse("groups:\n  - name: g\n    rules: [\n", "rules.yml"));

        Assert.Matches("^rules.yml:[0-9]+: invalid YAML", error.Message);
    }

    [Fact]
    public void Load_MissingFile_NamesIt()
    {
        var error = Assert.Throws<RuleFileException>(() => RuleFileLoader.Load("/nonexistent/rules.yml"));

        Assert.StartsWith("/nonexistent/rules.yml: cannot read", error.Message, StringComparison.Ordinal);
    }
}
