using LagLab.Broker.Producers;
using LagLab.Broker.Tests.Storage;
using LagLab.Protocol;
using LagLab.Protocol.Records;

namespace LagLab.Broker.Tests.Producers;

public sealed class ProducerStateTableTests
{
    private const long ProducerId = 42;

    private static RecordBatchHeader Batch(int records, int sequence, short epoch = 0, long producerId = ProducerId) =>
        Batches.Header(Batches.Create(records, producerId: producerId, producerEpoch: epoch, baseSequence: sequence));

    private static ProducerStateTable WithBatches(params (int Records, int Sequence, long Offset)[] batches)
    {
        var table = new ProducerStateTable();
        foreach (var (records, sequence, offset) in batches)
        {
            table.Update(Batch(records, sequence), offset, 0);
        }
        return table;
    }

    [Fact]
    public void Check_NonIdempotentBatch_Appends()
    {
        var table = new ProducerStateTable();

        Assert.Equal(ProducerCheckOutcome.Append, table.Check(Batches.Header(Batches.Create(1))).Outcome);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Check_UnknownProducer_AcceptsAnySequence(int sequence)
    {
        Assert.Equal(ProducerCheckOutcome.Append, new ProducerStateTable().Check(Batch(2, sequence)).Outcome);
    }

    [Fact]
    public void Check_NextSequence_Appends()
    {
        var table = WithBatches((3, 0, 100));

        Assert.Equal(ProducerCheckOutcome.Append, table.Check(Batch(2, 3)).Outcome);
    }

    [Fact]
    public void Check_RetriedBatch_IsDuplicateWithOriginalOffset()
    {
        var table = WithBatches((3, 0, 100), (2, 3, 103));

        var check = table.Check(Batch(3, 0));

        Assert.Equal(ProducerCheckOutcome.Duplicate, check.Outcome);
        Assert.Equal(100, check.DuplicateBaseOffset);
    }

    [Fact]
    public void Check_GapInSequence_IsOutOfOrder()
    {
        var table = WithBatches((3, 0, 100));

        var check = table.Check(Batch(1, 4));

        Assert.Equal(ProducerCheckOutcome.Reject, check.Outcome);
        Assert.Equal(ErrorCode.OutOfOrderSequenceNumber, check.Error);
        Assert.Contains("expected 3", check.Message);
    }

    [Fact]
    public void Check_DuplicateOlderThanFiveBatches_IsOutOfOrder()
    {
        var table = WithBatches((1, 0, 0), (1, 1, 1), (1, 2, 2), (1, 3, 3), (1, 4, 4), (1, 5, 5));

        Assert.Equal(ErrorCode.OutOfOrderSequenceNumber, table.Check(Batch(1, 0)).Error);
        Assert.Equal(ProducerCheckOutcome.Duplicate, table.Check(Batch(1, 1)).Outcome);
    }

    [Fact]
    public void Check_OlderEpoch_IsInvalidProducerEpoch()
    {
        var table = new ProducerStateTable();
        table.Update(Batch(1, 0, epoch: 3), 0, 0);

        Assert.Equal(ErrorCode.InvalidProducerEpoch, table.Check(Batch(1, 1, epoch: 2)).Error);
    }

    [Fact]
    public void Check_NewerEpochStartingAtZero_Appends()
    {
        var table = WithBatches((1, 0, 0), (1, 1, 1));

        Assert.Equal(ProducerCheckOutcome.Append, table.Check(Batch(1, 0, epoch: 1)).Outcome);
    }

    [Fact]
    public void Check_NewerEpochNotAtZero_IsOutOfOrder()
    {
        var table = WithBatches((1, 0, 0));

        Assert.Equal(ErrorCode.OutOfOrderSequenceNumber, table.Check(Batch(1, 5, epoch: 1)).Error);
    }

    [Fact]
    public void Check_SequenceWrapsAfterIntMax_ExpectsZero()
    {
        var table = new ProducerStateTable();
        table.Update(Batch(1, int.MaxValue), 0, 0);

        Assert.Equal(ProducerCheckOutcome.Append, table.Check(Batch(1, 0)).Outcome);
        Assert.Equal(ErrorCode.OutOfOrderSequenceNumber, table.Check(Batch(1, 1)).Error);
    }

    [Fact]
    public void Update_NewEpoch_ForgetsOldBatches()
    {
        var table = WithBatches((1, 0, 0));

        table.Update(Batch(1, 0, epoch: 1), 1, 0);

        var state = table.Producers[ProducerId];
        Assert.Equal(1, state.Epoch);
        Assert.Single(state.Batches);
    }

    [Fact]
    public void RemoveExpired_IdleProducer_IsForgotten()
    {
        var table = new ProducerStateTable();
        table.Update(Batch(1, 0), 0, timestampMs: 1_000);
        table.Update(Batch(1, 0, producerId: 7), 1, timestampMs: 5_000);

        Assert.Equal(1, table.RemoveExpired(nowMs: 6_000, expirationMs: 2_000));

        Assert.Equal([7L], table.Producers.Keys);
    }
}
