using Confluent.Kafka;
using LagLab.GroupMember;

// Commands on stdin: "commit" commits the consumed positions now; "close" leaves the group cleanly and exits.
MemberOptions options;
try
{
    options = MemberOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync($"group-member: {ex.Message}");
    return 2;
}

var events = new EventWriter(Console.Out, TimeProvider.System);
var config = new ConsumerConfig
{
    BootstrapServers = options.Bootstrap,
    GroupId = options.Group,
    ClientId = options.ClientId,
    GroupInstanceId = options.InstanceId,
    PartitionAssignmentStrategy = options.Assignor switch
    {
        "roundrobin" => PartitionAssignmentStrategy.RoundRobin,
        "cooperative-sticky" => PartitionAssignmentStrategy.CooperativeSticky,
        _ => PartitionAssignmentStrategy.Range,
    },
    SessionTimeoutMs = options.SessionTimeoutMs,
    HeartbeatIntervalMs = options.HeartbeatIntervalMs,
    MaxPollIntervalMs = options.MaxPollIntervalMs,
    EnableAutoCommit = options.AutoCommit,
    AutoCommitIntervalMs = options.AutoCommitIntervalMs,
    AutoOffsetReset = AutoOffsetReset.Earliest,
    FetchWaitMaxMs = 100,
    SocketTimeoutMs = 10_000,
};

using var consumer = new ConsumerBuilder<string?, string?>(config)
    .SetPartitionsAssignedHandler((c, partitions) => events.Emit("assigned", partitions, c.Assignment.Concat(partitions).Distinct()))
    .SetPartitionsRevokedHandler((c, partitions) =>
    {
        var revoked = partitions.Select(p => p.TopicPartition).ToArray();
        events.Emit("revoked", revoked, c.Assignment.Except(revoked));
    })
    .SetPartitionsLostHandler((c, partitions) => events.Emit("lost", partitions.Select(p => p.TopicPartition)))
    .SetErrorHandler((_, error) => events.Emit("error", detail: $"{error.Code}: {error.Reason}"))
    .SetOffsetsCommittedHandler((_, committed) =>
    {
        if (committed.Error.IsError)
        {
            events.Emit("commit-failed", detail: committed.Error.Reason);
        }
    })
    .Build();

var closing = 0;
var commitRequested = 0;
var stdin = new Thread(() =>
{
    while (Console.In.ReadLine() is { } line)
    {
        switch (line.Trim())
        {
            case "close":
                Interlocked.Exchange(ref closing, 1);
                return;
            case "commit":
                Interlocked.Exchange(ref commitRequested, 1);
                break;
        }
    }
    // stdin closed: the test runner went away; leave cleanly.
    Interlocked.Exchange(ref closing, 1);
}) { IsBackground = true };
stdin.Start();

consumer.Subscribe(options.Topics);
events.Emit("started", detail: options.InstanceId ?? options.ClientId);
while (Volatile.Read(ref closing) == 0)
{
    var result = consumer.Consume(TimeSpan.FromMilliseconds(50));
    if (result is { IsPartitionEOF: false })
    {
        events.Emit("record", record: result);
    }
    if (Interlocked.Exchange(ref commitRequested, 0) == 1)
    {
        try
        {
            consumer.Commit();
            events.Emit("committed");
        }
        catch (KafkaException ex)
        {
            events.Emit("commit-failed", detail: ex.Error.Reason);
        }
    }
}
consumer.Close();
events.Emit("closed");
return 0;
