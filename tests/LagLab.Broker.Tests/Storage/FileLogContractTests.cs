using LagLab.Broker.Storage;

namespace LagLab.Broker.Tests.Storage;

public sealed class FileLogContractTests : PartitionLogContractTests
{
    private readonly TempDirectory _directory = new();

    private protected override IPartitionLog CreateLog(LogConfig config) => FileLog.Open(_directory.Combine("t-0"), config, Time);

    public override void Dispose() => _directory.Dispose();
}
