using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace LagLab.Bench;

/// <summary>
/// librdkafka's built-in mock cluster, the baseline. It lives inside a client handle; its brokers listen on
/// real loopback sockets, which other clients can use as bootstrap servers. Its topics are created through
/// librdkafka's exported rd_kafka_mock_topic_create, since the mock has no CreateTopics handler, so both
/// targets get the same partition count. Linked into each benchmark that needs it (bench/Shared).
/// </summary>
internal sealed class MockCluster : IAsyncDisposable
{
    private delegate IntPtr HandleMockCluster(IntPtr kafka);

    private delegate int MockTopicCreate(IntPtr cluster, [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int partitions, int replicationFactor);

    private readonly IProducer<Null, Null> _owner;
    private readonly IntPtr _cluster;
    private readonly MockTopicCreate _createTopic;

    private MockCluster(IProducer<Null, Null> owner, string bootstrapServers, IntPtr cluster, MockTopicCreate createTopic)
    {
        _owner = owner;
        BootstrapServers = bootstrapServers;
        _cluster = cluster;
        _createTopic = createTopic;
    }

    public string BootstrapServers { get; }

    public static MockCluster Start()
    {
        var config = new ProducerConfig { BootstrapServers = "unused:9092" };
        config.Set("test.mock.num.brokers", "1");
        var owner = new ProducerBuilder<Null, Null>(config).Build();
        using var admin = new DependentAdminClientBuilder(owner.Handle).Build();
        var broker = admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Single();
        var library = LoadedLibrdkafka();
        var getCluster = Marshal.GetDelegateForFunctionPointer<HandleMockCluster>(NativeLibrary.GetExport(library, "rd_kafka_handle_mock_cluster"));
        var createTopic = Marshal.GetDelegateForFunctionPointer<MockTopicCreate>(NativeLibrary.GetExport(library, "rd_kafka_mock_topic_create"));
        var cluster = getCluster(RawHandle(owner.Handle));
        if (cluster == IntPtr.Zero)
        {
            throw new InvalidOperationException("The client handle has no mock cluster.");
        }
        return new MockCluster(owner, $"{broker.Host}:{broker.Port}", cluster, createTopic);
    }

    public void CreateTopic(string topic, int partitions)
    {
        var error = _createTopic(_cluster, topic, partitions, 1);
        if (error != 0)
        {
            throw new InvalidOperationException($"rd_kafka_mock_topic_create({topic}, {partitions}) failed with {error}.");
        }
    }

    /// <summary>The rd_kafka_t behind a client handle; Confluent.Kafka keeps it internal, so it is read by reflection.</summary>
    private static IntPtr RawHandle(Handle handle)
    {
        var property = typeof(Handle).GetProperty("LibrdkafkaHandle", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)
            ?? throw new MissingMemberException("Confluent.Kafka.Handle.LibrdkafkaHandle is gone; update MockCluster.");
        return ((SafeHandle)property.GetValue(handle)!).DangerousGetHandle();
    }

    /// <summary>The librdkafka build Confluent.Kafka loaded (dlopen of the same path returns the same handle).</summary>
    private static IntPtr LoadedLibrdkafka()
    {
        var native = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        foreach (var name in new[] { "librdkafka.so", "centos8-librdkafka.so" })
        {
            if (NativeLibrary.TryLoad(Path.Combine(native, name), out var handle) && NativeLibrary.TryGetExport(handle, "rd_kafka_mock_topic_create", out _))
            {
                return handle;
            }
        }
        throw new DllNotFoundException($"No loadable librdkafka with the mock API under {native}.");
    }

    public ValueTask DisposeAsync()
    {
        _owner.Dispose();
        return ValueTask.CompletedTask;
    }
}
