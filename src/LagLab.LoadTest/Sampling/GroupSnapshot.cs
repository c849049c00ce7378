namespace LagLab.LoadTest.Sampling;

/// <summary>Raw offsets and group state read in one sampling round; committed is -1 where the group has none.</summary>
internal sealed record GroupSnapshot(long[] Committed, long[] End, string State, int Members);
