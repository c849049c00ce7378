using LagLab.Broker.Storage;
using LagLab.Testing;

namespace LagLab.Broker.Tests.Storage;

public sealed class FileLogContractTests : PartitionLogContractTests
{
    private readonly TemporaryDirectory _directory = new();

    private protected override IPartitionLog CreateLog(LogConfig config) => FileLog.Open(Path.Combine(_directory.Path, "t-0"), config, Time);

    public override void Dispose() => _directory.Dispose();
}
