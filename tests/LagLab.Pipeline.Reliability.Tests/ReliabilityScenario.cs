using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka.Admin;
using LagLab.Bank;
using LagLab.Testing;

namespace LagLab.Pipeline.Reliability.Tests;

/// <summary>
/// The end-to-end run: an embedded broker, the bank (rate limit, one outage), three static-member pipeline
/// instances as real processes, and `laglab produce` as a process. While events flow: SIGKILL and restart (twice; the
/// second during the outage), a rolling restart of every instance, the outage, and a partition increase. Then it waits for
/// the ledger to reach the event count and reads the results and dead-letter topics.
/// </summary>
internal static class ReliabilityScenario
{
    private static readonly string[] Instances = ["p1", "p2", "p3"];

    public static async Task<ScenarioOutcome> RunAsync(ScenarioSettings settings, TemporaryDirectory dir)
    {
        var timeline = new StringBuilder();
        var clock = Stopwatch.StartNew();
        void Mark(string what) => timeline.Append(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,7:F1}s {what}\n");

        await using var broker = await TestBroker.StartAsync(o => o.DefaultPartitions = settings.InitialPartitions);
        var bootstrap = broker.BootstrapServers;
        var topic = KafkaClients.UniqueTopic("events");
        var results = topic + "-results";
        var deadLetters = topic + "-dlq";
        await KafkaClients.CreateTopicAsync(bootstrap, topic, settings.InitialPartitions);
        await KafkaClients.CreateTopicAsync(bootstrap, results, 3);
        await KafkaClients.CreateTopicAsync(bootstrap, deadLetters, 1);
        var bankListen = $"127.0.0.1:{FreePort.Next()}";

        await using var fleet = new PipelineFleet(instance =>
        [
            "pipeline", "--bootstrap-servers", bootstrap, "--topic", topic, "--group", "reconciliation",
            "--bank-url", $"http://{bankListen}", "--results-topic", results, "--dead-letter-topic", deadLetters,
            "--instance-id", instance, "--assignor", "cooperative-sticky", "--buffer", settings.Buffer,
            .. settings.Buffer == "durable" ? (string[])["--spool-dir", Path.Combine(dir.Path, "spool", instance)] : [],
            "--rate-limit", settings.BankRate.ToString(CultureInfo.InvariantCulture), "--concurrency", "64",
            "--revoke-timeout", "3s", "--drain-timeout", "5s", "--bank-timeout", "2s",
            "-X", "session.timeout.ms=10000", "-X", "topic.metadata.refresh.interval.ms=2000",
        ]);
        foreach (var instance in Instances)
        {
            await fleet.StartAsync(instance, waitForPartitions: false);
        }
        Mark("fleet polling");

        // The bank starts with the producer, so its outage schedule is on the producer's clock.
        var bankOptions = new BankOptions { Listen = bankListen, RateLimit = settings.BankRate, Seed = 7 };
        bankOptions.Outages.Add(new OutageWindow(settings.OutageAt, settings.OutageDuration));
        await using var bank = await BankServer.StartAsync(bankOptions);
        await using var producer = LaglabProcess.Start(
            "produce", "--bootstrap-servers", bootstrap, "--topic", topic,
            "--rate", settings.ProduceRate.ToString(CultureInfo.InvariantCulture), "--count", settings.Events.ToString(CultureInfo.InvariantCulture),
            "--accounts", settings.Accounts.ToString(CultureInfo.InvariantCulture), "-X", "topic.metadata.refresh.interval.ms=2000");
        var start = clock.Elapsed;
        Mark("bank and producer started");
        async Task At(TimeSpan offset)
        {
            var wait = start + offset - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }

        await At(settings.FirstKillAt);
        await fleet.KillAsync("p2");
        Mark($"SIGKILL p2 (applied so far {bank.GetStats().Applied})");
        await Task.Delay(settings.RestartAfter);
        await fleet.StartAsync("p2");
        Mark("p2 back");

        await At(settings.RollingRestartAt);
        Mark("rolling restart begins");
        await fleet.RollingRestartAsync(TimeSpan.FromSeconds(2));
        Mark("rolling restart done");

        await At(settings.SecondKillAt);
        await fleet.KillAsync("p3");
        Mark($"SIGKILL p3 during the outage (applied so far {bank.GetStats().Applied})");
        await Task.Delay(settings.RestartAfter);
        await fleet.StartAsync("p3");
        Mark("p3 back");

        await producer.WaitForLineAsync("laglab produce: sent", TimeSpan.FromSeconds(120));
        Mark(producer.Lines.First(l => l.StartsWith("laglab produce: sent", StringComparison.Ordinal)));
        await At(settings.GrowAt);
        using (var admin = KafkaClients.Admin(bootstrap))
        {
            await admin.CreatePartitionsAsync([new PartitionsSpecification { Topic = topic, IncreaseTo = settings.FinalPartitions }]);
        }
        Mark($"grew {topic} to {settings.FinalPartitions} partitions");

        while (bank.GetStats().Applied < settings.Events && clock.Elapsed - start < settings.Deadline)
        {
            await Task.Delay(500);
        }
        Mark($"ledger reached {bank.GetStats().Applied}");
        // A moment for the last result records and commits.
        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var instance in fleet.Instances.ToList())
        {
            await fleet.StopAsync(instance);
        }
        Mark("fleet stopped");

        var ledger = bank.GetStats();
        var resultRecords = KafkaClients.ConsumeToEnd(bootstrap, results, 3, TimeSpan.FromSeconds(60));
        var outcomes = resultRecords
            .Select(r => JsonDocument.Parse(r.Message.Value!).RootElement)
            .Select(e => (Id: e.GetProperty("eventId").GetString()!, Outcome: e.GetProperty("outcome").GetString()!))
            .ToList();
        var distinct = outcomes.Select(o => o.Id).Distinct().Count();
        var twiceApplied = outcomes.Where(o => o.Outcome == "applied").GroupBy(o => o.Id).Count(g => g.Count() > 1);
        var dead = KafkaClients.ConsumeToEnd(bootstrap, deadLetters, 1, TimeSpan.FromSeconds(30)).Count;
        Mark($"results: {outcomes.Count} records, {distinct} events; dead letters: {dead}");
        return new ScenarioOutcome(ledger, outcomes.Count, distinct, twiceApplied, settings.Events - distinct, dead, clock.Elapsed, timeline.ToString(), fleet.Output());
    }
}
