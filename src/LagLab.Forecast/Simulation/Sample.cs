namespace LagLab.Forecast.Simulation;

/// <summary>State at the end of one integration step (wall seconds, events).</summary>
internal readonly record struct Sample(double Time, double Lag, double MaxPartitionLag, double Spool, double Inflow, double Capacity, double TimeLag);
