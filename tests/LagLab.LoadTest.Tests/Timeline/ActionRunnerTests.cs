using System.Collections.Concurrent;
using LagLab.LoadTest.Results;
using LagLab.LoadTest.Timeline;
using LagLab.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.LoadTest.Tests.Timeline;

public sealed class ActionRunnerTests
{
    private sealed class FakeControls(FakeTimeProvider time) : IRunControls
    {
        public ConcurrentQueue<(string What, TimeSpan At)> Calls { get; } = new();

        public TimeSpan DeployTakes { get; init; } = TimeSpan.FromSeconds(10);

        private void Log(string what) => Calls.Enqueue((what, time.GetUtcNow() - Start));

        public DateTimeOffset Start { get; init; }

        public async Task RollingDeployAsync(CancellationToken cancellationToken)
        {
            // The timer exists before the call is visible: a test that advances the clock once it sees the
            // call must not be able to advance it before the deploy started waiting (its end would move).
            var deploying = Task.Delay(DeployTakes, time, cancellationToken);
            Log("deploy");
            await deploying;
        }

        public Task KillAsync(int instance, TimeSpan? restartAfter, CancellationToken cancellationToken)
        {
            Log($"kill {instance}");
            return Task.CompletedTask;
        }

        public Task ScaleAsync(int instances, CancellationToken cancellationToken) => throw new InvalidOperationException("no room for more");

        public Task AddPartitionsAsync(int partitions, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task PauseBrokerAsync(TimeSpan length, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RestartBrokerAsync(TimeSpan down, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task BankOutageAsync(TimeSpan length, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    [Fact]
    public async Task RunAsync_ActionsStartOnTime_AndALongOneDoesNotHoldBackTheNext()
    {
        var time = new FakeTimeProvider();
        var controls = new FakeControls(time) { Start = time.GetUtcNow() };
        var started = new ConcurrentQueue<ActionRecord>();
        var runner = new ActionRunner(controls, time, started.Enqueue, _ => { });
        PlannedAction[] plan =
        [
            new(5, new RollingDeployAction(TimeSpan.FromSeconds(5), null)),
            new(8, new KillAction(TimeSpan.FromSeconds(8), 1, null)),
        ];

        var run = runner.RunAsync(plan, time.GetTimestamp(), TestContext.Current.CancellationToken);
        for (var second = 1; second <= 40 && !run.IsCompleted; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            // The runner continues on the thread pool: let it act on this second before the clock moves on,
            // or a busy machine records an action at a later fake time than it was due.
            var due = plan.Count(p => p.WallAt <= second);
            await WaitUntilAsync(() => controls.Calls.Count >= due);
        }
        var records = await run;

        Assert.Equal([("deploy", TimeSpan.FromSeconds(5)), ("kill 1", TimeSpan.FromSeconds(8))], controls.Calls.ToArray());
        Assert.Equal(2, records.Count);
        Assert.Equal(5, records[0].T);
        Assert.Equal(15, records[0].End);
        Assert.Equal(8, records[1].T);
        Assert.Equal(2, started.Count);
    }

    [Fact]
    public async Task RunAsync_FailingAction_IsRecordedWithItsErrorAndTheRunGoesOn()
    {
        var time = new FakeTimeProvider();
        var controls = new FakeControls(time) { Start = time.GetUtcNow() };
        var runner = new ActionRunner(controls, time, _ => { }, _ => { });
        PlannedAction[] plan = [new(0, new ScaleAction(TimeSpan.Zero, 9)), new(0, new KillAction(TimeSpan.Zero, 0, null))];

        var records = await runner.RunAsync(plan, time.GetTimestamp(), TestContext.Current.CancellationToken);

        Assert.Equal("no room for more", records.Single(r => r.Type == "scale").Error);
        Assert.Null(records.Single(r => r.Type == "kill").Error);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the runner did not act on the due second within 30 s");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}
