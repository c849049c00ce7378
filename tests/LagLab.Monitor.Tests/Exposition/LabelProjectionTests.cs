using LagLab.Monitor.Exposition;

namespace LagLab.Monitor.Tests.Exposition;

public sealed class LabelProjectionTests
{
    private static readonly LabelSet Series = LabelSet.Of(("__name__", "kafka_consumer_lag"), ("group", "g"), ("partition", "3"), ("topic", "t"));

    [Theory]
    [InlineData(true, new[] { "topic", "partition" })]
    [InlineData(false, new[] { "group", "__name__" })]
    [InlineData(true, new string[0])]
    [InlineData(false, new string[0])]
    [InlineData(true, new[] { "absent" })]
    public void Projection_AgreesWithTheBuiltLabelSet(bool keep, string[] names)
    {
        var projection = new LabelProjection(Series, names, keep);
        var built = keep ? Series.Keep(names) : Series.Drop(names);

        Assert.Equal(built, projection.ToLabelSet());
        Assert.Equal(built.GetHashCode(), projection.Hash());
        Assert.True(projection.Matches(built));
    }

    [Fact]
    public void Matches_DifferentValueFewerOrMorePairs_IsFalse()
    {
        var projection = new LabelProjection(Series, ["topic", "partition"], keep: true);

        Assert.False(projection.Matches(LabelSet.Of(("partition", "4"), ("topic", "t"))));
        Assert.False(projection.Matches(LabelSet.Of(("topic", "t"))));
        Assert.False(projection.Matches(LabelSet.Of(("group", "g"), ("partition", "3"), ("topic", "t"))));
    }

    [Fact]
    public void AlternateLookup_FindsTheEntryOfTheProjectedSet()
    {
        var map = new Dictionary<LabelSet, int>(LabelSetComparer.Instance) { [LabelSet.Of(("partition", "3"), ("topic", "t"))] = 7 };

        var found = map.GetAlternateLookup<LabelProjection>().TryGetValue(new LabelProjection(Series, ["topic", "partition"], keep: true), out var value);

        Assert.True(found);
        Assert.Equal(7, value);
        Assert.False(map.GetAlternateLookup<LabelProjection>().ContainsKey(new LabelProjection(Series, ["topic", "group"], keep: true)));
    }
}
