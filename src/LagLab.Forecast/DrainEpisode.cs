namespace LagLab.Forecast;

/// <summary>
/// A backlog episode in scenario time: it starts when lag leaves zero, peaks, and drains
/// (<see cref="DrainedAt"/> null: still draining at the horizon). <see cref="DrainTime"/> is peak to drained, wall time.
/// </summary>
public sealed record DrainEpisode(TimeSpan Start, TimeSpan PeakAt, double Peak, TimeSpan? DrainedAt, TimeSpan? DrainTime);
