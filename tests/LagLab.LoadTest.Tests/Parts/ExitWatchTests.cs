using LagLab.LoadTest.Parts;
using LagLab.LoadTest.Processes;
using LagLab.LoadTest.Sampling;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.LoadTest.Tests.Parts;

/// <summary>How an exit is timed, recorded and shown live, and which ones end the run early, on a fake clock.</summary>
public sealed class ExitWatchTests
{
    private static readonly ChildExit Killed = new("pipeline-1", 137, Signals.SigKill, ["last words"]);

    [Fact]
    public void Report_DuringTraffic_IsTimedFromItsStartAndShownLive()
    {
        var time = new FakeTimeProvider();
        var recorder = new RunRecorder("run", 60, 200);
        using var watch = new ExitWatch(recorder, time);
        watch.TrafficStarted(time.GetTimestamp());
        time.Advance(TimeSpan.FromSeconds(12.5));

        watch.Report("pipeline", 1, Killed, "left down (restart_policy: never)");

        var exit = Assert.Single(recorder.UnexpectedExits);
        Assert.Equal(12.5, exit.T);
        Assert.Equal(time.GetUtcNow(), exit.At);
        Assert.Equal("SIGKILL", exit.Signal);
        Assert.Equal(1, exit.Instance);
        Assert.Equal(["last words"], exit.LastLines);
        var snapshot = recorder.Snapshot();
        Assert.Contains(snapshot.RecentEvents, e => e.Kind == "exit" && e.Text.StartsWith("UNEXPECTED EXIT pipeline-1 SIGKILL", StringComparison.Ordinal));
        Assert.Equal("unexpected exits: 1 (pipeline-1 SIGKILL (exit code 137) at 12.5s)", Live.LiveView.ExitsLine(snapshot, markup: false));
        Assert.False(watch.Fatal.IsCancellationRequested);
        Assert.True(watch.HasExited("pipeline"));
    }

    [Fact]
    public void Report_BeforeTraffic_IsAtZero()
    {
        var time = new FakeTimeProvider();
        var recorder = new RunRecorder("run", 60, 200);
        using var watch = new ExitWatch(recorder, time);
        time.Advance(TimeSpan.FromSeconds(30));

        watch.Report("monitor", null, Killed with { Name = "monitor" }, "alerts are judged by the harness");

        Assert.Equal(0, Assert.Single(recorder.UnexpectedExits).T);
    }

    [Fact]
    public void Report_FatalPart_EndsTheRunAndIsRemembered()
    {
        var recorder = new RunRecorder("run", 60, 200);
        using var watch = new ExitWatch(recorder, new FakeTimeProvider());

        watch.Report("bank", null, new ChildExit("bank", 1, null, []), "the run stopped early", fatal: true);
        watch.Report("broker", null, new ChildExit("broker", 134, 6, []), "the run stopped early", fatal: true);

        Assert.True(watch.Fatal.IsCancellationRequested);
        Assert.Equal("bank", watch.FatalExit?.Name);
        Assert.Equal(2, recorder.UnexpectedExits.Count);
        Assert.Equal("SIGABRT", recorder.UnexpectedExits[1].Signal);
    }

    [Fact]
    public void ExitsLine_NothingExited_SaysZero()
    {
        Assert.Equal("unexpected exits: 0", Live.LiveView.ExitsLine(new RunRecorder("run", 60, 200).Snapshot(), markup: false));
    }
}
