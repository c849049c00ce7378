namespace LagLab.Contracts.Tests;

/// <summary>
/// Regression: <c>sasl.oauthbearer.config</c> and <c>sasl.oauthbearer.extensions</c> were logged in clear (the mask went by
/// a few words in the key). Every key librdkafka flags sensitive, and the OAuth/OIDC credentials it does not, are masked.
/// </summary>
public sealed class KafkaSecretSettingsTests
{
    [Theory]
    [InlineData("sasl.username")]
    [InlineData("sasl.password")]
    [InlineData("sasl.oauthbearer.config")]
    [InlineData("sasl.oauthbearer.extensions")]
    [InlineData("sasl.oauthbearer.client.secret")]
    [InlineData("sasl.oauthbearer.assertion.private.key.pem")]
    [InlineData("ssl.key.location")]
    [InlineData("ssl.key.password")]
    [InlineData("ssl.key.pem")]
    [InlineData("ssl_key")]
    [InlineData("ssl.ca.pem")]
    [InlineData("ssl.keystore.password")]
    [InlineData("sasl.jaas.config")]
    [InlineData("SASL.OAUTHBEARER.CONFIG")]
    [InlineData("some.future.api.secret")]
    public void IsSecret_SecretBearingKey_Masked(string key)
    {
        Assert.True(KafkaSecretSettings.IsSecret(key));
        Assert.Equal("***", KafkaSecretSettings.Display(key, "hush"));
    }

    [Theory]
    [InlineData("security.protocol")]
    [InlineData("sasl.mechanisms")]
    [InlineData("sasl.oauthbearer.method")]
    [InlineData("sasl.oauthbearer.token.endpoint.url")]
    [InlineData("ssl.ca.location")]
    [InlineData("session.timeout.ms")]
    public void IsSecret_PlainSetting_Shown(string key)
    {
        Assert.False(KafkaSecretSettings.IsSecret(key));
        Assert.Equal("v", KafkaSecretSettings.Display(key, "v"));
    }

    [Fact]
    public void Describe_SortedWithSecretsMasked()
    {
        var text = KafkaSecretSettings.Describe(new Dictionary<string, string>
        {
            ["sasl.oauthbearer.extensions"] = "tenant=hush",
            ["security.protocol"] = "SASL_SSL",
            ["sasl.oauthbearer.config"] = "principal=hush",
        });

        Assert.Equal("sasl.oauthbearer.config=***, sasl.oauthbearer.extensions=***, security.protocol=SASL_SSL", text);
    }

    [Fact]
    public void DescribeArguments_SecretXValues_Masked()
    {
        var text = KafkaSecretSettings.DescribeArguments(["pipeline", "--topic", "t", "-X", "sasl.password=hush", "-X", "socket.timeout.ms=5000", "-X", "sasl.oauthbearer.config"]);

        Assert.Equal("pipeline --topic t -X sasl.password=*** -X socket.timeout.ms=5000 -X ***", text);
    }
}
