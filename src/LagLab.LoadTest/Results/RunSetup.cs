namespace LagLab.LoadTest.Results;

/// <summary>The scenario's setup as the report prints it.</summary>
public sealed record RunSetup(
    string Cluster,
    string Topic,
    int Partitions,
    string Fleet,
    int Instances,
    string Assignor,
    bool StaticMembership,
    string Processing,
    int Concurrency,
    string Buffer,
    double BankRateLimit,
    string BankLatency,
    string Rate,
    double PeakRate,
    double TimeScale,
    double DayWallSeconds,
    string Duration,
    double WallSeconds,
    long WarningThreshold,
    long CriticalThreshold,
    double AlertForWallSeconds);
