namespace LagLab.Bench.Groups;

/// <summary>What the group runs: eager range, cooperative-sticky, or eager range with static members.</summary>
internal enum Strategy
{
    Eager,
    Cooperative,
    Static,
}
