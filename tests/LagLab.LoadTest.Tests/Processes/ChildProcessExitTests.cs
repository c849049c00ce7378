using LagLab.LoadTest.Processes;
using LagLab.Testing;

namespace LagLab.LoadTest.Tests.Processes;

/// <summary>
/// A real child process (a shell) ended three ways: by a signal from outside and by its own non-zero exit, which are
/// reported with code, signal and last lines; and by the harness itself, which is not.
/// </summary>
public sealed class ChildProcessExitTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Start_KilledFromOutside_ReportsSigkillWithItsLastLines()
    {
        using var directory = new TemporaryDirectory();
        var reported = new TaskCompletionSource<ChildExit>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var child = Shell("echo first; echo ready; exec sleep 60", directory, reported);
        await child.WaitForLineAsync("ready", Wait, TestContext.Current.CancellationToken);

        Assert.True(Signals.Send(child.Id, Signals.SigKill));

        var exit = await reported.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);
        Assert.Equal(137, exit.ExitCode);
        Assert.Equal(Signals.SigKill, exit.Signal);
        Assert.Equal("SIGKILL (exit code 137)", exit.How);
        Assert.Equal(["first", "ready"], exit.LastLines);
        Assert.Contains("# exited unasked: SIGKILL, exit code 137", await File.ReadAllTextAsync(Path.Combine(directory.Path, "child.log"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OwnNonZeroExit_ReportsTheCodeAndNoSignal()
    {
        using var directory = new TemporaryDirectory();
        var reported = new TaskCompletionSource<ChildExit>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var child = Shell("echo 'Unhandled exception. boom' >&2; exit 3", directory, reported);

        var exit = await reported.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.Equal(3, exit.ExitCode);
        Assert.Null(exit.Signal);
        Assert.Equal(["Unhandled exception. boom"], exit.LastLines);
    }

    [Fact]
    public async Task Start_LongOutput_KeepsOnlyTheLastLines()
    {
        using var directory = new TemporaryDirectory();
        var reported = new TaskCompletionSource<ChildExit>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var child = Shell("i=0; while [ $i -lt 500 ]; do echo line$i; i=$((i+1)); done; exit 1", directory, reported);

        var exit = await reported.Task.WaitAsync(Wait, TestContext.Current.CancellationToken);

        Assert.Equal(ChildExit.KeptLines, exit.LastLines.Count);
        Assert.Equal("line499", exit.LastLines[^1]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Stop_AskedByTheHarness_IsNotReported(bool kill)
    {
        using var directory = new TemporaryDirectory();
        var reported = new TaskCompletionSource<ChildExit>(TaskCreationOptions.RunContinuationsAsynchronously);
        var child = Shell("echo ready; exec sleep 60", directory, reported);
        await child.WaitForLineAsync("ready", Wait, TestContext.Current.CancellationToken);

        if (kill)
        {
            await child.KillAsync();
        }
        else
        {
            await child.TerminateAsync(Wait);
        }
        // Dispose awaits the exit watch: had it reported the exit, the callback would have run by now.
        await child.DisposeAsync();

        Assert.True(child.StopRequested);
        Assert.False(reported.Task.IsCompleted);
    }

    private static ChildProcess Shell(string script, TemporaryDirectory directory, TaskCompletionSource<ChildExit> reported) =>
        ChildProcess.Start(new LaglabLauncher("/bin/sh", ["-c", script]), "child", [], Path.Combine(directory.Path, "child.log"),
            (_, exit) => reported.TrySetResult(exit));
}
