using LagLab.Pipeline.Flow;

namespace LagLab.Pipeline.Tests.Flow;

public sealed class BackPressureTests
{
    [Fact]
    public void Evaluate_JustBelowBound_DoesNothing()
    {
        var flow = new BackPressure(bound: 100, resumeAt: 50);

        Assert.Equal(FlowAction.None, flow.Evaluate(99));
        Assert.False(flow.IsPaused);
        Assert.False(flow.MustPauseNewlyAssigned);
    }

    [Fact]
    public void Evaluate_AtBound_PausesOnce()
    {
        var flow = new BackPressure(bound: 100, resumeAt: 50);

        Assert.Equal(FlowAction.Pause, flow.Evaluate(100));
        Assert.Equal(FlowAction.None, flow.Evaluate(120));
        Assert.True(flow.IsPaused);
        Assert.True(flow.MustPauseNewlyAssigned);
        Assert.Equal(1, flow.Pauses);
    }

    [Fact]
    public void Evaluate_PausedAndAboveResumeMark_StaysPaused()
    {
        var flow = new BackPressure(bound: 100, resumeAt: 50);
        flow.Evaluate(100);

        Assert.Equal(FlowAction.None, flow.Evaluate(51));
        Assert.True(flow.IsPaused);
    }

    [Fact]
    public void Evaluate_PausedAndAtResumeMark_ResumesAndCanPauseAgain()
    {
        var flow = new BackPressure(bound: 100, resumeAt: 50);
        flow.Evaluate(100);

        Assert.Equal(FlowAction.Resume, flow.Evaluate(50));
        Assert.False(flow.IsPaused);
        Assert.Equal(FlowAction.None, flow.Evaluate(99));
        Assert.Equal(FlowAction.Pause, flow.Evaluate(100));
        Assert.Equal(2, flow.Pauses);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 10)]
    [InlineData(10, -1)]
    public void Constructor_InvalidMarks_Throws(int bound, int resumeAt)
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new BackPressure(bound, resumeAt));
    }
}
