using System.Text;
using LagLab.Broker.Groups;
using LagLab.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Broker.Tests.Groups;

/// <summary>A coordinator on a fake clock with a recording sink, and short ways to drive it.</summary>
internal sealed class CoordinatorHarness : IAsyncDisposable
{
    public const string Group = "g";
    public const int InitialDelayMs = 3_000;
    public const int SessionTimeoutMs = 10_000;
    public const int RebalanceTimeoutMs = 60_000;

    public CoordinatorHarness(int initialDelayMs = InitialDelayMs)
    {
        Coordinator = new GroupCoordinator(new GroupCoordinatorOptions(6_000, 1_800_000, initialDelayMs), Sink, Time, NullLogger.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public RecordingSink Sink { get; } = new();

    public GroupCoordinator Coordinator { get; }

    public ClassicGroup Current => Coordinator.FindGroup(Group) ?? throw new InvalidOperationException("no group");

    public GroupState State
    {
        get
        {
            var group = Current;
            lock (group.Lock)
            {
                return group.State;
            }
        }
    }

    public int Generation
    {
        get
        {
            var group = Current;
            lock (group.Lock)
            {
                return group.GenerationId;
            }
        }
    }

    public IReadOnlyList<string> MemberIds
    {
        get
        {
            var group = Current;
            lock (group.Lock)
            {
                return group.Members.Select(m => m.MemberId).ToArray();
            }
        }
    }

    public Task<JoinGroupResult> Join(
        string memberId = "",
        string? instanceId = null,
        string clientId = "client",
        int sessionTimeoutMs = SessionTimeoutMs,
        int rebalanceTimeoutMs = RebalanceTimeoutMs,
        bool requireKnownMemberId = false,
        IReadOnlyList<MemberProtocol>? protocols = null,
        string protocolType = "consumer") =>
        Coordinator.JoinGroupAsync(new JoinGroupCommand(Group, memberId, instanceId, requireKnownMemberId, clientId, "/127.0.0.1",
            rebalanceTimeoutMs, sessionTimeoutMs, protocolType, protocols ?? [TestSubscriptions.Range()]));

    public Task<SyncGroupResult> Sync(string memberId, int generation, IReadOnlyDictionary<string, string>? assignments = null, string? instanceId = null) =>
        Coordinator.SyncGroupAsync(new SyncGroupCommand(Group, generation, memberId, instanceId,
            (assignments ?? new Dictionary<string, string>()).ToDictionary(a => a.Key, a => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(a.Value))));

    public ErrorCode Heartbeat(string memberId, int generation, string? instanceId = null) =>
        Coordinator.Heartbeat(Group, memberId, instanceId, generation);

    public Task<IReadOnlyList<(TopicPartition Partition, ErrorCode Error)>> Commit(string memberId, int generation, long offset = 42, string? instanceId = null, string topic = "t", string? metadata = null) =>
        Coordinator.CommitOffsetsAsync(new OffsetCommitCommand(Group, memberId, instanceId, generation,
            [new OffsetCommitCommand.Partition(new TopicPartition(topic, 0), offset, -1, metadata)]));

    /// <summary>Moves the clock in 1 ms steps, so every timer fires at its own time, as a real clock would.</summary>
    public void Advance(int milliseconds, int stepMs = 1)
    {
        for (var done = 0; done < milliseconds; done += stepMs)
        {
            Time.Advance(TimeSpan.FromMilliseconds(Math.Min(stepMs, milliseconds - done)));
        }
    }

    /// <summary>Forms a Stable group of the given members (joined together, assignments "A0", "A1", ...); returns their member ids, leader first.</summary>
    public async Task<StableGroup> FormStableGroupAsync(params string?[] instanceIds)
    {
        var joins = instanceIds.Select((instance, i) => Join(instanceId: instance, clientId: $"client-{i}")).ToArray();
        var waited = 0;
        while (joins.Any(j => !j.IsCompleted) && waited < RebalanceTimeoutMs)
        {
            Advance(100);
            waited += 100;
        }
        var results = await Task.WhenAll(joins);
        Assert.All(results, r => Assert.Equal(ErrorCode.None, r.Error));
        var leader = results[0].LeaderId;
        var generation = results[0].GenerationId;
        var memberIds = results.Select(r => r.MemberId).ToArray();
        var assignments = memberIds.Select((id, i) => (id, $"A{i}")).ToDictionary(x => x.id, x => x.Item2);
        var followerSyncs = memberIds.Where(id => id != leader).Select(id => Sync(id, generation)).ToArray();
        var leaderSync = await Sync(leader, generation, assignments);
        Assert.Equal(ErrorCode.None, leaderSync.Error);
        await Task.WhenAll(followerSyncs);
        Assert.Equal(LagLab.Broker.Groups.GroupState.Stable, State);
        return new StableGroup(leader, memberIds, generation, assignments);
    }

    public ValueTask DisposeAsync() => Coordinator.DisposeAsync();

    public sealed record StableGroup(string Leader, IReadOnlyList<string> MemberIds, int Generation, IReadOnlyDictionary<string, string> Assignments)
    {
        public string Follower => MemberIds.First(id => id != Leader);
    }
}
