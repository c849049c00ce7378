using LagLab.Scenarios;

namespace LagLab.LoadTest.Timeline;

/// <summary>An action due at <see cref="WallAt"/> seconds after the traffic starts (scenario time compressed).</summary>
internal sealed record PlannedAction(double WallAt, ScenarioAction Action);
