namespace LagLab.LoadTest.Live;

/// <summary>Something that happened during the run (an action, an alert, a rebalance), for the live view's feed.</summary>
internal sealed record TimelineEvent(double T, string Kind, string Text);
