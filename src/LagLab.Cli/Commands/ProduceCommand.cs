using System.CommandLine;
using System.Globalization;
using LagLab.Pipeline.Producing;

namespace LagLab.Cli.Commands;

/// <summary><c>laglab produce</c>: writes reconciliation events at a constant rate or a rate profile.</summary>
internal static class ProduceCommand
{
    public static Command Create()
    {
        var d = new ProduceOptions();
        var bootstrap = new Option<string>("--bootstrap-servers") { Description = "Kafka bootstrap servers.", Required = true };
        var topic = new Option<string>("--topic") { Description = "Topic to write to.", Required = true };
        var rate = new Option<double?>("--rate") { Description = "Constant events/s (needs --count)." };
        var profile = new Option<FileInfo?>("--profile") { Description = "Rate profile file: lines 'DURATION RATE' or 'DURATION FROM->TO' (e.g. '30s 100', '1m 100->400')." };
        var count = new Option<long?>("--count") { Description = "Stop after this many events." };
        var accounts = new Option<int>("--accounts") { Description = "Distinct accounts (record keys).", DefaultValueFactory = _ => d.Accounts };
        var seed = new Option<int>("--seed") { Description = "Seed for accounts and amounts.", DefaultValueFactory = _ => d.Seed };
        var kafka = KafkaSettingsArgument.Create();

        var command = new Command("produce", "Write reconciliation events (key = account, per-account sequence) with an idempotent acks=all producer.")
        {
            bootstrap, topic, rate, profile, count, accounts, seed, kafka,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!CommandHost.TryBuild("produce", () =>
            {
                var rateValue = parse.GetValue(rate);
                var profileFile = parse.GetValue(profile);
                if ((rateValue is null) == (profileFile is null))
                {
                    throw new ArgumentException("give exactly one of --rate R or --profile FILE.");
                }
                var options = new ProduceOptions
                {
                    BootstrapServers = parse.GetValue(bootstrap)!,
                    Topic = parse.GetValue(topic)!,
                    Count = parse.GetValue(count),
                    Accounts = parse.GetValue(accounts),
                    Seed = parse.GetValue(seed),
                    Profile = rateValue is { } r ? RateProfile.Constant(r) : LoadProfile(profileFile!),
                };
                KafkaSettingsArgument.Apply(parse.GetValue(kafka), options.KafkaSettings);
                return options;
            }, o =>
            {
                o.Validate();
                KafkaSettingsArgument.Validate(o.KafkaSettings);
            }, out var options))
            {
                return CommandHost.UsageError;
            }
            using var shutdown = new ShutdownSignal();
            ProduceSummary summary;
            try
            {
                summary = await EventProducer.RunAsync(options, TimeProvider.System, line => Console.Error.WriteLine($"laglab produce: {line}"), shutdown.Token);
            }
            catch (Confluent.Kafka.KafkaException ex)
            {
                return CommandHost.Fail("produce", $"Kafka error: {ex.Error.Reason}", exitCode: 1);
            }
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"laglab produce: sent {summary.Sent} events to {options.Topic} in {summary.Elapsed.TotalSeconds:F1} s ({summary.Rate:F1}/s), {summary.Failed} failed"));
            return summary.Failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static RateProfile LoadProfile(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new ArgumentException($"--profile file '{file.FullName}' does not exist.");
        }
        string text;
        try
        {
            text = Scenarios.BoundedFile.ReadAllText(file.FullName, Scenarios.BoundedFile.MaxScenarioBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Regression: an unreadable file escaped as a stack trace, and /dev/zero was read until out of memory.
            throw new ArgumentException($"--profile '{file.FullName}': cannot read the file: {ex.Message}.");
        }
        return RateProfile.Parse(text, file.Name);
    }
}
