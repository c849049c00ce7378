using LagLab.Testing;

namespace LagLab.Broker.Tests.Safety;

/// <summary>
/// Issue 10, item 2: with <c>topics.json</c> gone, every partition folder used to be taken for the leftover
/// of an interrupted delete and removed, records and committed offsets with it. Now the broker refuses to
/// start and says how to recover, or rebuilds the metadata from the folders when told to.
/// </summary>
public sealed class MissingTopicMetadataTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string TopicsFile => Path.Combine(_directory.Path, "topics.json");

    [Fact]
    public async Task Start_TopicsJsonMissing_RefusesNamingTheFileAndKeepsEveryRecord()
    {
        var log = await StoredLog.CreateAsync(_directory.Path, partitions: 2, records: 10);
        var filesBefore = Directory.GetFiles(_directory.Path, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).Order().ToArray();
        File.Delete(TopicsFile);

        var error = await Assert.ThrowsAsync<BrokerStartException>(() => StoredLog.StartAsync(_directory.Path));

        Assert.Contains(TopicsFile, error.Message);
        Assert.Contains("--rebuild-topic-metadata", error.Message);
        Assert.True(Directory.Exists(log.PartitionDirectory(0)) && Directory.Exists(log.PartitionDirectory(1)));
        var filesAfter = Directory.GetFiles(_directory.Path, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).Order().ToArray();
        Assert.Equal(filesBefore.Where(f => f != TopicsFile), filesAfter);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("unreadable")]
    public async Task Start_RebuildTopicMetadata_ServesEveryRecordAgain(string damage)
    {
        var log = await StoredLog.CreateAsync(_directory.Path, partitions: 2, records: 10);
        if (damage == "missing")
        {
            File.Delete(TopicsFile);
        }
        else
        {
            File.WriteAllText(TopicsFile, "{\"version\":1,\"topics\":[{\"na");
        }

        await using var broker = await StoredLog.StartAsync(_directory.Path, o => o.RebuildTopicMetadata = true);

        for (var partition = 0; partition < 2; partition++)
        {
            var (numbers, error) = StoredLog.ConsumeAll(broker.BootstrapServers, log.Topic, partition);
            Assert.Null(error);
            Assert.Equal(Enumerable.Range(0, 10), numbers);
        }
        Assert.True(File.Exists(TopicsFile));
    }
}
