namespace LagLab.LoadTest.Results;

/// <summary>
/// A rebalance seen from outside: the group left Stable (or its members changed) at <see cref="T"/> and was Stable
/// again after <see cref="Length"/> seconds (0 when it was shorter than one sample).
/// </summary>
public sealed record RebalanceRecord(double T, double Length, int MembersBefore, int MembersAfter);
