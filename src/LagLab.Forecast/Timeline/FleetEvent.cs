namespace LagLab.Forecast.Timeline;

/// <summary>A state change of the fleet at a wall time; <see cref="Seq"/> keeps same-time events in scheduling order.</summary>
internal readonly record struct FleetEvent(double Time, long Seq, FleetEventKind Kind, int Instance, int Value, int Incarnation);
