namespace LagLab.LoadTest.Analysis;

/// <summary>Lag within one (compressed) scenario day: its highest, its lowest and where it ended.</summary>
internal sealed record DayStats(int Day, long MaxLag, long MinLag, long EndLag);
