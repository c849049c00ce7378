using LagLab.Testing;

namespace LagLab.Broker.Tests.Groups.Integration;

/// <summary>An in-memory broker with a short initial rebalance delay, a topic with traffic, and member processes to start.</summary>
public sealed class GroupScenario : IAsyncDisposable
{
    public const int Partitions = 4;
    public const int SessionTimeoutMs = 6_000;

    private readonly List<GroupMemberProcess> _members = [];

    private GroupScenario(KafkaBroker broker, string topic, ContinuousProducer producer)
    {
        Broker = broker;
        Topic = topic;
        Producer = producer;
        Group = "group-" + Guid.NewGuid().ToString("N")[..8];
    }

    public KafkaBroker Broker { get; }

    public string Topic { get; }

    public string Group { get; }

    public ContinuousProducer Producer { get; }

    public static async Task<GroupScenario> StartAsync(int initialRebalanceDelayMs = 200)
    {
        var broker = await TestBroker.StartAsync(o => o.GroupInitialRebalanceDelayMs = initialRebalanceDelayMs);
        var topic = KafkaClients.UniqueTopic("grp");
        await KafkaClients.CreateTopicAsync(broker.BootstrapServers, topic, Partitions);
        return new GroupScenario(broker, topic, new ContinuousProducer(broker.BootstrapServers, topic, Partitions, TimeSpan.FromMilliseconds(5)));
    }

    public IReadOnlySet<string> AllPartitions => Enumerable.Range(0, Partitions).Select(p => $"{Topic}:{p}").ToHashSet();

    public GroupMemberProcess StartMember(string name, string assignor = "range", string? instanceId = null, int sessionTimeoutMs = SessionTimeoutMs)
    {
        var member = GroupMemberProcess.Start(Broker.BootstrapServers, Group, Topic, assignor, instanceId, name, sessionTimeoutMs);
        _members.Add(member);
        return member;
    }

    /// <summary>Waits until the given members together own every partition exactly once, each owning <paramref name="each"/>.</summary>
    public async Task WaitForBalanceAsync(TimeSpan timeout, int each, params GroupMemberProcess[] members)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var assignments = members.Select(m => m.Assignment).ToArray();
            var union = assignments.SelectMany(a => a).ToList();
            if (union.Count == Partitions && union.ToHashSet().SetEquals(AllPartitions) && assignments.All(a => a.Count == each))
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No balanced assignment of {Partitions} partitions ({each} each) within {timeout}:\n" +
                    string.Join('\n', members.Select(m => $"{m.Name}: [{string.Join(", ", m.Assignment)}]\n{m.Transcript()}")));
            }
            await Task.Delay(50);
        }
    }

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public async ValueTask DisposeAsync()
    {
        foreach (var member in _members)
        {
            await member.DisposeAsync();
        }
        await Producer.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
