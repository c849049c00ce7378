namespace LagLab.LoadTest.Results;

/// <summary>CPU (percent of one core, averaged since the previous sample) and resident memory of one pipeline instance.</summary>
public sealed record ResourceSample(double T, string Instance, double CpuPercent, double RssMegabytes);
