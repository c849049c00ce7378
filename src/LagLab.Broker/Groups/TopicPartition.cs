namespace LagLab.Broker.Groups;

/// <summary>A partition a group commits offsets for.</summary>
internal readonly record struct TopicPartition(string Topic, int Partition)
{
    public override string ToString() => $"{Topic}-{Partition}";
}
