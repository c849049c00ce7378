using LagLab.LoadTest.Traffic;

namespace LagLab.LoadTest.Tests.Traffic;

public sealed class ProducedLogTests
{
    [Fact]
    public void NumberOf_OwnIds_RoundTrip_OthersAreMinusOne()
    {
        var log = new ProducedLog("run1");

        Assert.Equal(42, log.NumberOf(log.EventId(42)));
        Assert.Equal(-1, log.NumberOf("run2-42"));
        Assert.Equal(-1, log.NumberOf("run1-x"));
        Assert.Equal(-1, log.NumberOf("run1"));
    }

    [Fact]
    public void ProducedAtOffset_IsTheRecordAtOrAfterTheOffset()
    {
        var log = new ProducedLog("r");
        for (var i = 0; i < 4; i++)
        {
            log.Add(1000 + (i * 10));
        }
        log.MarkDelivered(0, 0, 0);
        log.MarkDelivered(1, 1, 0);
        log.MarkDelivered(3, 0, 2);
        log.MarkDelivered(2, 0, 1);

        Assert.Equal(1000, log.ProducedAtOffset(0, 0));
        Assert.Equal(1020, log.ProducedAtOffset(0, 1));
        Assert.Equal(1030, log.ProducedAtOffset(0, 2));
        Assert.Null(log.ProducedAtOffset(0, 3));
        Assert.Equal(1010, log.ProducedAtOffset(1, 0));
        Assert.Null(log.ProducedAtOffset(2, 0));
        Assert.Equal(4, log.Delivered);
        Assert.Equal(1, log.PartitionOf(1));
    }
}
