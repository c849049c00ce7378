using LagLab.LoadTest.Parts;

namespace LagLab.LoadTest.Tests.Parts;

public sealed class RestartBackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Fact]
    public void Next_CrashesInARow_DoubleUpToTheCap()
    {
        var backoff = new RestartBackoff(First, Max);

        var delays = Enumerable.Range(0, 8).Select(_ => backoff.Next(TimeSpan.FromSeconds(1)).TotalSeconds).ToList();

        Assert.Equal([10, 20, 40, 80, 160, 300, 300, 300], delays);
        Assert.Equal(8, backoff.CrashesInARow);
    }

    [Fact]
    public void Next_AfterRunningTwiceTheCap_StartsAgainFromTheFirst()
    {
        var backoff = new RestartBackoff(First, Max);
        backoff.Next(TimeSpan.Zero);
        backoff.Next(TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(10), backoff.Next(TimeSpan.FromMinutes(10)));
        Assert.Equal(1, backoff.CrashesInARow);
    }

    [Fact]
    public void Next_AfterRunningJustUnderTwiceTheCap_KeepsDoubling()
    {
        var backoff = new RestartBackoff(First, Max);
        backoff.Next(TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(20), backoff.Next(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void Next_LongCrashLoop_StaysAtTheCap()
    {
        var backoff = new RestartBackoff(TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1));

        var last = TimeSpan.Zero;
        for (var i = 0; i < 200; i++)
        {
            last = backoff.Next(TimeSpan.Zero);
        }

        Assert.Equal(TimeSpan.FromDays(1), last);
    }
}
