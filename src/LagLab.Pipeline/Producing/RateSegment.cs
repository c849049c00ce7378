namespace LagLab.Pipeline.Producing;

/// <summary>One stretch of a rate profile: <see cref="Duration"/> long, the rate moving linearly from <see cref="From"/> to <see cref="To"/> events/s.</summary>
public sealed record RateSegment(TimeSpan Duration, double From, double To);
