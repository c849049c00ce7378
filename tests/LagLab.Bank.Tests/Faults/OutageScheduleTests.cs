using LagLab.Bank.Faults;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Bank.Tests.Faults;

public sealed class OutageScheduleTests
{
    private readonly FakeTimeProvider _time = new();

    private static OutageWindow Window(int atSeconds, int durationSeconds) =>
        new(TimeSpan.FromSeconds(atSeconds), TimeSpan.FromSeconds(durationSeconds));

    [Fact]
    public void IsActive_BeforeDuringAndAfterAWindow_OnlyDuring()
    {
        var schedule = new OutageSchedule([Window(30, 30)], _time);

        _time.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        Assert.False(schedule.IsActive(out _));

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.True(schedule.IsActive(out var remaining));
        Assert.Equal(TimeSpan.FromSeconds(30), remaining);

        _time.Advance(TimeSpan.FromSeconds(12));
        Assert.True(schedule.IsActive(out remaining));
        Assert.Equal(TimeSpan.FromSeconds(18), remaining);

        _time.Advance(TimeSpan.FromSeconds(18));
        Assert.False(schedule.IsActive(out remaining));
        Assert.Equal(TimeSpan.Zero, remaining);
    }

    [Fact]
    public void IsActive_TwoWindows_EachOnItsOwn()
    {
        var schedule = new OutageSchedule([Window(50, 5), Window(10, 5)], _time);

        Assert.True(schedule.IsActiveAt(TimeSpan.FromSeconds(12), out _));
        Assert.False(schedule.IsActiveAt(TimeSpan.FromSeconds(30), out _));
        Assert.True(schedule.IsActiveAt(TimeSpan.FromSeconds(54), out var remaining));
        Assert.Equal(TimeSpan.FromSeconds(1), remaining);
    }

    [Fact]
    public void StartNow_DuringScheduledWindow_RemainingRunsToTheLaterEnd()
    {
        var schedule = new OutageSchedule([Window(0, 10)], _time);
        _time.Advance(TimeSpan.FromSeconds(8));

        schedule.StartNow(TimeSpan.FromSeconds(30));

        Assert.True(schedule.IsActive(out var remaining));
        Assert.Equal(TimeSpan.FromSeconds(30), remaining);
    }

    [Fact]
    public void StartNow_AdjoiningWindow_RemainingCoversTheChain()
    {
        var schedule = new OutageSchedule([Window(10, 10), Window(20, 5)], _time);

        Assert.True(schedule.IsActiveAt(TimeSpan.FromSeconds(15), out var remaining));

        Assert.Equal(TimeSpan.FromSeconds(10), remaining);
    }

    [Fact]
    public void StartNow_AfterStart_WindowIsRelativeToBankStart()
    {
        var schedule = new OutageSchedule([], _time);
        _time.Advance(TimeSpan.FromSeconds(100));

        var window = schedule.StartNow(TimeSpan.FromSeconds(5));

        Assert.Equal(Window(100, 5), window);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(schedule.IsActive(out _));
    }

    [Fact]
    public void EndNow_DuringChainedWindows_EndsThemAndKeepsLaterOnes()
    {
        var schedule = new OutageSchedule([Window(10, 10), Window(15, 10), Window(100, 5)], _time);
        _time.Advance(TimeSpan.FromSeconds(12));

        var ended = schedule.EndNow();

        Assert.Equal(1, ended);
        Assert.False(schedule.IsActive(out _));
        Assert.Equal([Window(10, 2), Window(15, 10), Window(100, 5)], schedule.Windows);
        Assert.True(schedule.IsActiveAt(TimeSpan.FromSeconds(100), out _));
    }

    [Fact]
    public void EndNow_NoOutage_ChangesNothing()
    {
        var schedule = new OutageSchedule([Window(10, 10)], _time);

        Assert.Equal(0, schedule.EndNow());
        Assert.Equal([Window(10, 10)], schedule.Windows);
    }
}
