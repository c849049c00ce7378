namespace LagLab.Forecast.Timeline;

internal enum FleetEventKind
{
    /// <summary>Only closes a segment (end of a rebalance pause).</summary>
    Boundary,
    DeployStart,
    DeployInstance,
    InstanceBack,
    Join,
    Expel,
    Kill,
    Scale,
    AddPartitions,
    BrokerDown,
    BrokerUp,
    BrokerUpRejoin,
    BankDown,
    BankUp,
}
