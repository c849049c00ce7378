using LagLab.Monitor.Collection;

namespace LagLab.Monitor.Tests.Collection;

public sealed class KafkaSettingsTests
{
    [Fact]
    public void Describe_Secrets_AreMasked()
    {
        var text = KafkaSettings.Describe(new Dictionary<string, string>
        {
            ["sasl.password"] = "hunter2",
            ["ssl.key.password"] = "k3y",
            ["sasl.oauthbearer.client.secret"] = "s3cret",
            ["sasl.jaas.config"] = "user pass",
            ["ssl.key.pem"] = "-----BEGIN",
            ["security.protocol"] = "SASL_SSL",
            ["sasl.username"] = "alice",
        });

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("k3y", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("user pass", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", text, StringComparison.Ordinal);
        Assert.Contains("security.protocol=SASL_SSL", text, StringComparison.Ordinal);
        Assert.Contains("sasl.username=***", text, StringComparison.Ordinal); // librdkafka flags it sensitive
        Assert.Contains("sasl.password=***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Admin_IsolationLevelSetting_IsReadNotPassedToAdminClient()
    {
        var options = new MonitorOptions { BootstrapServers = "k:9092" };
        options.KafkaSettings["isolation.level"] = "read_committed";

        var admin = KafkaSettings.Admin(options);

        Assert.True(KafkaSettings.ReadCommitted(options));
        Assert.DoesNotContain(admin, s => s.Key == "isolation.level");
    }
}
