using LagLab.Scenarios.Profiles;

namespace LagLab.Scenarios.Tests.Loading;

public sealed class ScenarioLoaderTests
{
    [Fact]
    public void Parse_Minimal_FillsDefaults()
    {
        var s = ScenarioYaml.Parse(ScenarioYaml.Minimal);

        Assert.Equal("test", s.Name);
        Assert.Equal(ClusterKind.Embedded, s.Cluster.Kind);
        Assert.Equal(3, s.Topic.Partitions);
        Assert.Equal(100, Assert.IsType<ConstantRate>(s.Producer.Rate).Rate);
        Assert.Equal(TimeSpan.FromMinutes(1), s.Producer.Duration);
        Assert.Equal(1000, s.Alerts.Warning);
        Assert.Equal(10_000, s.Alerts.Critical);
        Assert.Equal(TimeSpan.FromMinutes(5), s.Alerts.For);
        Assert.Equal(1, s.TimeScale.Factor);
        Assert.Equal(ProcessingMode.Concurrent, s.Fleet.Processing);
        Assert.Equal(BufferMode.Memory, s.Fleet.Buffer);
    }

    [Fact]
    public void Parse_BlockingFleet_DefaultsToNoBufferAndOneCall()
    {
        var s = ScenarioYaml.Parse(ScenarioYaml.Minimal + "\nfleet:\n  processing: blocking\n");

        Assert.Equal(BufferMode.None, s.Fleet.Buffer);
        Assert.Equal(1, s.Fleet.Concurrency);
    }

    [Fact]
    public void Parse_TimeScaleDay_GivesTheFactor()
    {
        var s = ScenarioYaml.Parse(ScenarioYaml.Minimal + "\ntime_scale:\n  day: 3m\n");

        Assert.Equal(480, s.TimeScale.Factor, 9);
        Assert.Equal(TimeSpan.FromSeconds(0.625), s.TimeScale.ToWall(TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Parse_RatesWithUnitsAndSeparators_AreEventsPerSecond()
    {
        var s = ScenarioYaml.Parse("producer:\n  rate: 1_200/s\n  duration: 1m\nbank:\n  rate_limit: 200/s\n");

        Assert.Equal(1200, ((ConstantRate)s.Producer.Rate).Rate);
        Assert.Equal(200, s.Bank.RateLimit);
    }

    [Fact]
    public void Parse_EveryActionType_BuildsTheAction()
    {
        var s = ScenarioYaml.Parse(ScenarioYaml.Minimal.Replace("1m", "1h", StringComparison.Ordinal) + """

            topic:
              partitions: 3
            cluster:
              type: embedded
            actions:
              - type: rolling_deploy
                every: 10m
              - type: kill
                at: 5m
                instance: 1
                restart_after: 20s
              - type: scale
                at: 6m
                instances: 4
              - type: add_partitions
                at: 7m
                partitions: 12
              - type: pause_broker
                at: 8m
                duration: 10s
              - type: restart_broker
                at: 9m
              - type: bank_outage
                at: 10m
                duration: 30s
            """);

        Assert.Collection(
            s.Actions,
            a => Assert.Equal(new RollingDeployAction(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)), a),
            a => Assert.Equal(new KillAction(TimeSpan.FromMinutes(5), 1, TimeSpan.FromSeconds(20)), a),
            a => Assert.Equal(new ScaleAction(TimeSpan.FromMinutes(6), 4), a),
            a => Assert.Equal(new AddPartitionsAction(TimeSpan.FromMinutes(7), 12), a),
            a => Assert.Equal(new PauseBrokerAction(TimeSpan.FromMinutes(8), TimeSpan.FromSeconds(10)), a),
            a => Assert.Equal(new RestartBrokerAction(TimeSpan.FromMinutes(9), TimeSpan.FromSeconds(5)), a),
            a => Assert.Equal(new BankOutageAction(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30)), a));
    }

    [Fact]
    public void Parse_ExternalCluster_KeepsSettings()
    {
        var s = ScenarioYaml.Parse(ScenarioYaml.Minimal + """

            cluster:
              type: external
              bootstrap_servers: k1:9092,k2:9092
              settings:
                security.protocol: SASL_SSL
                sasl.mechanism: PLAIN
            """);

        Assert.Equal(ClusterKind.External, s.Cluster.Kind);
        Assert.Equal("k1:9092,k2:9092", s.Cluster.BootstrapServers);
        Assert.Equal("SASL_SSL", s.Cluster.Settings["security.protocol"]);
        Assert.Equal(2, s.Cluster.Settings.Count);
    }

    [Fact]
    public void Parse_LatencyHistogram_GivesItsWeightedMean()
    {
        var s = ScenarioYaml.Parse(ScenarioYaml.Minimal + """

            bank:
              latency:
                histogram:
                  - { latency: 10ms, weight: 3 }
                  - { latency: 50ms, weight: 1 }
            """);

        Assert.Equal(0.020, s.Bank.Latency.MeanSeconds, 12);
    }

    [Fact]
    public void LatencySpec_LogNormalMean_MatchesTheClosedForm()
    {
        var latency = new LatencySpec { P50 = TimeSpan.FromMilliseconds(20), P99 = TimeSpan.FromMilliseconds(20) };
        Assert.Equal(0.020, latency.MeanSeconds, 12);

        // sigma = ln(12.5) / z99; mean = median * e^(sigma^2 / 2).
        var wide = new LatencySpec { P50 = TimeSpan.FromMilliseconds(20), P99 = TimeSpan.FromMilliseconds(250) };
        var sigma = Math.Log(12.5) / LatencySpec.Z99;
        Assert.Equal(0.020 * Math.Exp(sigma * sigma / 2), wide.MeanSeconds, 12);
    }

    [Fact]
    public void Parse_Replay_ReadsTheCsvBesideTheScenario()
    {
        var dir = Directory.CreateTempSubdirectory("laglab-replay-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "rates.csv"), "time,rate\n# night\n0,50\n1m,200\n90,120\n");
            var s = ScenarioYaml.Parse("producer:\n  rate:\n    type: replay\n    file: rates.csv\n    loop: 2m\n  duration: 10m\n", dir.FullName);

            var replay = Assert.IsType<ReplayRate>(s.Producer.Rate);
            Assert.Equal(3, replay.Rows);
            Assert.Equal(200, replay.RateAt(75));
            Assert.Equal(50, replay.RateAt(125));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("0,50\n10,-3\n", "rates.csv line 2: a rate cannot be negative")]
    [InlineData("0,50\n10,80\n5,90\n", "rates.csv line 3: times must increase")]
    [InlineData("5,50\n", "rates.csv line 1: the first row must be at time 0")]
    [InlineData("0,50,7\n", "rates.csv line 1: expected 2 columns")]
    [InlineData("0,50\n1x,80\n", "rates.csv line 2: time: unknown unit")]
    [InlineData("# nothing\n", "no rows")]
    public void Parse_BadReplayFile_NamesTheCsvLine(string csv, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("laglab-replay-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "rates.csv"), csv);
            var error = ScenarioYaml.Single("producer:\n  rate:\n    type: replay\n    file: rates.csv\n  duration: 10m\n", dir.FullName);

            Assert.Equal("producer.rate.file", error.Path);
            Assert.Equal(4, error.Line);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Parse_ReplayFileMissing_SaysSo()
    {
        var error = ScenarioYaml.Single("producer:\n  rate:\n    type: replay\n    file: nope.csv\n  duration: 10m\n");

        Assert.Contains("rate file not found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    type: peaks\n    base: 100\n    windows:\n      - { start: 2h, end: 1h, rate: 300 }\n", "producer.rate.windows[0].end", "must be after start")]
    [InlineData("    type: peaks\n    base: 100\n    windows:\n      - { start: 1h, end: 3h, rate: 300 }\n      - { start: 2h, end: 4h, rate: 300 }\n", "producer.rate.windows[1].start", "overlaps")]
    [InlineData("    type: diurnal\n    min: 300\n    max: 100\n", "producer.rate.max", "must not be below min")]
    [InlineData("    type: ramp\n    from: 10\n    to: 20\n", "producer.rate.over", "missing required field")]
    [InlineData("    type: wave\n", "producer.rate.type", "unknown rate profile")]
    public void Parse_BadRateProfile_NamesTheField(string profile, string path, string expected)
    {
        var error = ScenarioYaml.Single("producer:\n  rate:\n" + profile + "  duration: 1d\n");

        Assert.Equal(path, error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
