using LagLab.Monitor.Analysis;
using LagLab.Monitor.Configuration;

namespace LagLab.Monitor.Tests.Configuration;

public sealed class MonitorConfigFileTests
{
    private static string Write(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"laglab-monitor-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void Apply_AllOptions_AreSet()
    {
        var path = Write("bootstrap-servers: k:9092\nlisten: 127.0.0.1:0\ninterval: 2s\ngroups: ^recon\nexclude-groups: test\ntopics: events\nwebhook: http://am:9093\nisolation-level: read_committed\ntime-lag-mode: exact\nalert-for: 3s\nstatus-window: 30s\nallowed-lag: 5\nkafka:\n  security.protocol: SASL_SSL\n  sasl.password: s3cret\n");
        var options = new MonitorOptions();

        MonitorConfigFile.Apply(path, options);

        Assert.Equal("k:9092", options.BootstrapServers);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Interval);
        Assert.Equal("^recon", options.Groups);
        Assert.True(options.ReadCommitted);
        Assert.Equal(TimeLagMode.Exact, options.TimeLagMode);
        Assert.Equal(TimeSpan.FromSeconds(3), options.AlertForOverride);
        Assert.Equal(5, options.AllowedLag);
        Assert.Equal("s3cret", options.KafkaSettings["sasl.password"]);
        options.Validate();
    }

    [Theory]
    [InlineData("interval: 5\n", ":1: interval: '5' is not a duration")]
    [InlineData("bootstrap-servers: k\nintervall: 5s\n", ":2: intervall: unknown option")]
    [InlineData("time-lag-mode: precise\n", ":1: time-lag-mode: 'precise' is not estimate, auto or exact")]
    [InlineData("kafka: plain\n", ":1: kafka: must be a mapping")]
    [InlineData("groups: [a, b]\n", ":1: groups: must be a single value")]
    [InlineData("- a\n", ": the config file must be a mapping")]
    public void Apply_BadValue_NamesFileLineAndKey(string yaml, string expected)
    {
        var path = Write(yaml);

        var error = Assert.Throws<ArgumentException>(() => MonitorConfigFile.Apply(path, new MonitorOptions()));

        Assert.Equal(path + expected, error.Message[..(path.Length + expected.Length)]);
    }

    [Fact]
    public void Apply_MissingFile_NamesIt()
    {
        var error = Assert.Throws<ArgumentException>(() => MonitorConfigFile.Apply("/nonexistent/monitor.yml", new MonitorOptions()));

        Assert.StartsWith("--config: cannot read '/nonexistent/monitor.yml'", error.Message, StringComparison.Ordinal);
    }
}
