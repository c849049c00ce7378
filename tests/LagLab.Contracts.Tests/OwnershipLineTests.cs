using LagLab.Contracts;

namespace LagLab.Contracts.Tests;

/// <summary>The pipeline writes ownership lines and the load test reads them: one format, round-tripped.</summary>
public sealed class OwnershipLineTests
{
    [Fact]
    public void Format_ThenTryParse_RoundTrips()
    {
        var line = new OwnershipLine("pipeline-1", OwnershipLine.Revoked, [5, 1, 3], [], 1_796_229_601_599);

        Assert.Equal("laglab pipeline ownership: instance=pipeline-1 change=revoked partitions=1,3,5 owned= at_ms=1796229601599", line.Format());
        Assert.True(OwnershipLine.TryParse(line.Format(), out var parsed));
        Assert.Equal(("pipeline-1", "revoked", 1_796_229_601_599L), (parsed!.Instance, parsed.Change, parsed.AtMs));
        Assert.Equal([1, 3, 5], parsed.Partitions);
        Assert.Empty(parsed.Owned);
    }

    [Theory]
    [InlineData("laglab pipeline ready: instance pipeline-0 consuming t as group g")]
    [InlineData("laglab pipeline ownership: instance=p change=moved partitions=1 owned=1 at_ms=5")]
    [InlineData("laglab pipeline ownership: instance=p change=assigned partitions=1,x owned=1 at_ms=5")]
    [InlineData("laglab pipeline ownership: instance=p change=assigned partitions=1 owned=1")]
    [InlineData("laglab pipeline ownership: instance=p change=assigned partitions=1 owned=1 at_ms=-5")]
    public void TryParse_OtherOrDamagedLine_IsRefused(string line)
    {
        Assert.False(OwnershipLine.TryParse(line, out var parsed));
        Assert.Null(parsed);
    }
}
