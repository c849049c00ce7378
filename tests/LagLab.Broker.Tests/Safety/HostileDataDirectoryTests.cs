using LagLab.Testing;

namespace LagLab.Broker.Tests.Safety;

/// <summary>
/// The hostile operator's suite: one partition of 22 records (one per batch, about six batches per
/// segment) is damaged at one place, the broker restarted, and the records a real consumer then reads are
/// compared with what docs/broker.md says that damage costs. Every case either serves exactly the
/// surviving records or refuses to start with a message naming the file; none stalls silently.
/// </summary>
public sealed class HostileDataDirectoryTests : IDisposable
{
    /// <summary>Three full closed segments and four batches in the active one.</summary>
    private const int Records = 22;

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static IEnumerable<int> All => Enumerable.Range(0, Records);

    private async Task<(List<int> Numbers, Confluent.Kafka.Error? Error)> RestartAndConsumeAsync(StoredLog log)
    {
        await using var broker = await StoredLog.StartAsync(_directory.Path);
        return StoredLog.ConsumeAll(broker.BootstrapServers, log.Topic, 0);
    }

    [Fact]
    public async Task ActiveSegment_TornTail_LosesOnlyTheTornBatch()
    {
        var log = await StoredLog.CreateAsync(_directory.Path, 1, Records);
        var active = log.Segments(0)[^1];
        using (var file = File.Open(active, FileMode.Open))
        {
            file.SetLength(file.Length - 7);
        }

        var (numbers, error) = await RestartAndConsumeAsync(log);

        Assert.Null(error);
        Assert.Equal(All.SkipLast(1), numbers);
    }

    [Fact]
    public async Task ActiveSegment_DamagedInTheMiddle_KeepsEverythingBeforeTheDamage()
    {
        var log = await StoredLog.CreateAsync(_directory.Path, 1, Records);
        var active = log.Segments(0)[^1];
        var batches = StoredLog.Batches(active);
        Assert.True(batches.Count >= 3, $"the active segment has {batches.Count} batches");
        StoredLog.DamageLength(active, batches[1].Position);

        var (numbers, error) = await RestartAndConsumeAsync(log);

        Assert.Null(error);
        Assert.Equal(All.Take((int)batches[1].Offset), numbers);
    }

    [Theory]
    [InlineData("length")]
    [InlineData("payload")]
    public async Task ClosedSegment_DamagedBatch_IsAnErrorUntilRepairedThenOnlyTheRestOfThatSegmentIsLost(string damage)
    {
        var log = await StoredLog.CreateAsync(_directory.Path, 1, Records);
        var closed = log.Segments(0)[1];
        var batches = StoredLog.Batches(closed);
        var damaged = batches[2];
        if (damage == "length")
        {
            StoredLog.DamageLength(closed, damaged.Position);
        }
        else
        {
            StoredLog.FlipPayloadByte(closed, damaged.Position);
        }
        var nextSegmentBase = StoredLog.Batches(log.Segments(0)[2])[0].Offset;

        var (before, error) = await RestartAndConsumeAsync(log);
        Assert.Equal(All.Take((int)damaged.Offset), before);
        Assert.NotNull(error);
        Assert.Equal(2, (int)error.Code);

        var report = new StringWriter();
        Assert.Equal(1, KafkaBroker.VerifyDataDirectory(_directory.Path, repair: false, report));
        Assert.Contains($"{closed} at byte {damaged.Position}", report.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, KafkaBroker.VerifyDataDirectory(_directory.Path, repair: true, TextWriter.Null));
        Assert.Equal(0, KafkaBroker.VerifyDataDirectory(_directory.Path, repair: false, TextWriter.Null));

        var (after, afterError) = await RestartAndConsumeAsync(log);
        Assert.Null(afterError);
        Assert.Equal(All.Where(n => n < damaged.Offset || n >= nextSegmentBase), after);
    }

    [Fact]
    public async Task ClosedSegment_OffsetIndexPointingMidBatch_EveryRecordSurvives()
    {
        var log = await StoredLog.CreateAsync(_directory.Path, 1, Records);
        var closed = log.Segments(0)[1];
        // Plausible (increasing, inside the file) but wrong: relative offset 2 at byte 5.
        File.WriteAllBytes(Path.ChangeExtension(closed, ".index"), [0, 0, 0, 2, 0, 0, 0, 5]);

        var (numbers, error) = await RestartAndConsumeAsync(log);

        Assert.Null(error);
        Assert.Equal(All, numbers);
    }

    [Fact]
    public async Task ClosedSegment_TimeIndexTorn_EveryRecordSurvives()
    {
        var log = await StoredLog.CreateAsync(_directory.Path, 1, Records);
        File.WriteAllBytes(Path.ChangeExtension(log.Segments(0)[0], ".timeindex"), [1, 2, 3, 4, 5]);

        var (numbers, error) = await RestartAndConsumeAsync(log);

        Assert.Null(error);
        Assert.Equal(All, numbers);
    }

    [Fact]
    public async Task ProducerSnapshot_Garbage_EveryRecordSurvives()
    {
        var log = await StoredLog.CreateAsync(_directory.Path, 1, Records);
        var snapshot = Directory.GetFiles(log.PartitionDirectory(0), "*.snapshot").Order(StringComparer.Ordinal).Last();
        File.WriteAllBytes(snapshot, [9, 9, 9, 9, 9, 9, 9, 9, 9]);

        var (numbers, error) = await RestartAndConsumeAsync(log);

        Assert.Null(error);
        Assert.Equal(All, numbers);
    }

    [Theory]
    [InlineData("meta.properties", "version=1\n", "has no cluster.id line")]
    [InlineData("producer-ids", "next=banana", "is not a 'next=<id>' line")]
    [InlineData("topics.json", "{\"version\":1,\"topics\":[", "--rebuild-topic-metadata")]
    public async Task MetadataFile_Damaged_RefusesToStartNamingTheFileAndDeletesNothing(string file, string content, string expected)
    {
        var log = await StoredLog.CreateAsync(_directory.Path, 1, Records);
        var segmentsBefore = log.Segments(0);
        await File.WriteAllTextAsync(Path.Combine(_directory.Path, file), content, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<BrokerStartException>(() => StoredLog.StartAsync(_directory.Path));

        Assert.Contains(Path.Combine(_directory.Path, file), error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(segmentsBefore, log.Segments(0));
    }

    [Fact]
    public async Task VerifyAndRepair_ThroughTheCli_ExitCodesSayWhetherDamageRemains()
    {
        var log = await StoredLog.CreateAsync(_directory.Path, 1, Records);
        var closed = log.Segments(0)[0];
        StoredLog.DamageLength(closed, StoredLog.Batches(closed)[1].Position);

        var verify = await LaglabProcess.RunAsync(["broker", "--verify", "--data-dir", _directory.Path], TestContext.Current.CancellationToken);
        var repair = await LaglabProcess.RunAsync(["broker", "--repair", "--data-dir", _directory.Path], TestContext.Current.CancellationToken);
        var again = await LaglabProcess.RunAsync(["broker", "--verify", "--data-dir", _directory.Path], TestContext.Current.CancellationToken);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains(closed, verify.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, repair.ExitCode);
        Assert.Contains("repaired", repair.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("no damage", again.StandardOutput, StringComparison.Ordinal);
    }
}
