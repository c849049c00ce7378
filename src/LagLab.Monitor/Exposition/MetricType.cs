namespace LagLab.Monitor.Exposition;

internal enum MetricType
{
    Gauge,
    Counter,
}
