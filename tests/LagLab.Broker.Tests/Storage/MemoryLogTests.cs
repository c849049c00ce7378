using LagLab.Broker.Storage;

namespace LagLab.Broker.Tests.Storage;

public sealed class MemoryLogTests : PartitionLogContractTests
{
    private protected override IPartitionLog CreateLog(LogConfig config) => new MemoryLog(config, Time);
}
