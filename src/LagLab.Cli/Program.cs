using System.CommandLine;
using LagLab.Cli;
using LagLab.Cli.Commands;

var root = new RootCommand("LagLab: make Kafka consumer lag visible, reproducible and survivable.")
{
    BrokerCommand.Create(),
    MonitorCommand.Create(),
    BankCommand.Create(),
    PipelineCommand.Create(),
    ProduceCommand.Create(),
    ForecastCommand.Create(),
    CalibrateCommand.Create(),
    LoadTestCommand.Create(),
    CampaignCommand.Create(),
    DemoCommand.Create(),
};
var parse = root.Parse(args);
if (UsageErrors.TryReport(parse, Console.Error))
{
    return CommandHost.UsageError;
}
// ProcessTerminationTimeout = null: System.CommandLine must not handle SIGTERM/SIGINT itself. Its handler blocks the
// signal thread waiting for the command, so ShutdownSignal never ran and every command died with 143 after 2 s.
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
