using Confluent.Kafka.Admin;
using LagLab.LoadTest.Parts;
using LagLab.LoadTest.Timeline;

namespace LagLab.LoadTest;

/// <summary>The timeline's actions carried out on the real parts of one run.</summary>
internal sealed class RunControls(
    PipelineFleet? fleet,
    BrokerProcess? broker,
    BankProcess bank,
    Sampling.ClusterSampler cluster,
    string topic,
    TimeSpan replacementTime) : IRunControls
{
    public Task RollingDeployAsync(CancellationToken cancellationToken) =>
        Fleet.RollingDeployAsync(replacementTime, cancellationToken);

    public Task KillAsync(int instance, TimeSpan? restartAfter, CancellationToken cancellationToken) =>
        Fleet.KillAsync(instance, restartAfter, cancellationToken);

    public Task ScaleAsync(int instances, CancellationToken cancellationToken) =>
        Fleet.ScaleAsync(instances, cancellationToken);

    public async Task AddPartitionsAsync(int partitions, CancellationToken cancellationToken)
    {
        var current = await cluster.PartitionCountAsync(cancellationToken);
        if (partitions <= current)
        {
            throw new InvalidOperationException($"the topic has {current} partitions already; add_partitions needs more than that, got {partitions}");
        }
        await cluster.Admin.CreatePartitionsAsync([new PartitionsSpecification { Topic = topic, IncreaseTo = partitions }]);
    }

    public Task PauseBrokerAsync(TimeSpan length, CancellationToken cancellationToken) =>
        Broker.FreezeAsync(length, cancellationToken);

    public Task RestartBrokerAsync(TimeSpan down, CancellationToken cancellationToken) =>
        Broker.RestartAsync(down, cancellationToken);

    public Task BankOutageAsync(TimeSpan length, CancellationToken cancellationToken) =>
        bank.StartOutageAsync(length, cancellationToken);

    private PipelineFleet Fleet => fleet ?? throw new InvalidOperationException("the fleet is external: the harness does not control it");

    private BrokerProcess Broker => broker ?? throw new InvalidOperationException("the cluster is external: the harness does not control its broker");
}
