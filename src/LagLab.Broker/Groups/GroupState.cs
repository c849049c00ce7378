namespace LagLab.Broker.Groups;

/// <summary>The five states of a classic group (GroupMetadata.scala); names are the strings DescribeGroups and ListGroups return.</summary>
internal enum GroupState
{
    Empty,
    PreparingRebalance,
    CompletingRebalance,
    Stable,
    Dead,
}
