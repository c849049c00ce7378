using LagLab.Pipeline.Hosting;
using LagLab.Testing;

namespace LagLab.Pipeline.Tests.Hosting;

public sealed class PipelineOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        new PipelineOptions().Validate();
    }

    [Theory]
    [InlineData("--bank-url", nameof(PipelineOptions.BankUrl), "ftp://bank")]
    [InlineData("--bank-url", nameof(PipelineOptions.BankUrl), "bank:8080")]
    [InlineData("--topic", nameof(PipelineOptions.Topic), " ")]
    [InlineData("--group", nameof(PipelineOptions.Group), "")]
    [InlineData("--instance-id", nameof(PipelineOptions.InstanceId), "has space")]
    [InlineData("--metrics-listen", nameof(PipelineOptions.MetricsListen), "127.0.0.1")]
    [InlineData("--metrics-listen", nameof(PipelineOptions.MetricsListen), "127.0.0.1:70000")]
    [InlineData("--results-topic", nameof(PipelineOptions.ResultsTopic), "reconciliation-events")]
    public void Validate_BadText_NamesTheOption(string option, string property, string value) =>
        OptionsAssert.Rejects(OptionsAssert.With(new PipelineOptions(), property, value).Validate, option);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10_000, true)]
    [InlineData(10_001, false)]
    public void Validate_ConcurrencyEdges(int concurrency, bool valid)
    {
        OptionsAssert.ValidIs(valid, new PipelineOptions { Concurrency = concurrency }.Validate, "--concurrency");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(0.5, true)]
    [InlineData(1_000_000, true)]
    [InlineData(1_000_001, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void Validate_RateLimitEdges(double rate, bool valid)
    {
        OptionsAssert.ValidIs(valid, new PipelineOptions { RateLimit = rate }.Validate, "--rate-limit");
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Validate_MaxBufferedEdges(int maxBuffered, bool valid)
    {
        OptionsAssert.ValidIs(valid, new PipelineOptions { MaxBuffered = maxBuffered }.Validate, "--max-buffered");
    }

    [Fact]
    public void Validate_SpoolDirWithMemoryBuffer_Fails()
    {
        OptionsAssert.Rejects(new PipelineOptions { SpoolDirectory = "/tmp/spool" }.Validate, "--spool-dir");
    }

    [Fact]
    public void Validate_DurableBufferInBlockingMode_Fails()
    {
        OptionsAssert.Rejects(new PipelineOptions { Buffer = BufferMode.Durable, Mode = ProcessingMode.Blocking }.Validate, "--buffer");
    }

    [Fact]
    public void Validate_ZeroRevokeTimeout_Fails()
    {
        OptionsAssert.Rejects(new PipelineOptions { RevokeTimeout = TimeSpan.Zero }.Validate, "--revoke-timeout");
    }

    [Fact]
    public void EffectiveSpoolDirectory_StaticMember_IsPerInstance()
    {
        Assert.Equal(Path.Combine("spool", "node-2"), new PipelineOptions { InstanceId = "node-2" }.EffectiveSpoolDirectory);
    }
}
