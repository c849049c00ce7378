using System.CommandLine;
using LagLab.Cli.Commands;

var root = new RootCommand("LagLab: make Kafka consumer lag visible, reproducible and survivable.")
{
    BrokerCommand.Create(),
    ForecastCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
