namespace LagLab.Broker.Producers;

internal enum ProducerCheckOutcome
{
    Append,
    Duplicate,
    Reject,
}
