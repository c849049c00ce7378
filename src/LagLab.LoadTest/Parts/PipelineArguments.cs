using System.Globalization;
using LagLab.Scenarios;

namespace LagLab.LoadTest.Parts;

/// <summary>The <c>laglab pipeline</c> command line of one instance, from the scenario's fleet.</summary>
internal static class PipelineArguments
{
    /// <summary>The pipeline's highest accepted <c>--rate-limit</c>: how "no client-side limiter" is said.</summary>
    public const double Unlimited = 1_000_000;

    public static List<string> For(FleetSettings settings, int index, int metricsPort)
    {
        var fleet = settings.Fleet;
        var name = InstanceName(index);
        var args = new List<string>
        {
            "pipeline",
            "--bootstrap-servers", settings.BootstrapServers,
            "--topic", settings.Topic,
            "--group", fleet.Group,
            "--bank-url", settings.BankUrl.ToString().TrimEnd('/'),
            "--results-topic", settings.ResultsTopic,
            "--dead-letter-topic", settings.DeadLetterTopic,
            "--assignor", fleet.Assignor switch
            {
                Assignor.Range => "range",
                Assignor.RoundRobin => "roundrobin",
                _ => "cooperative-sticky",
            },
            "--mode", fleet.Processing == ProcessingMode.Blocking ? "blocking" : "async",
            "--concurrency", fleet.Concurrency.ToString(CultureInfo.InvariantCulture),
            "--rate-limit", CliArgs.Number(fleet.RateLimit ?? Unlimited),
            "--buffer", fleet.Buffer == BufferMode.Durable ? "durable" : "memory",
            "--max-buffered", Math.Max(2, fleet.BufferLimit).ToString(CultureInfo.InvariantCulture),
            "--metrics-listen", $"127.0.0.1:{metricsPort.ToString(CultureInfo.InvariantCulture)}",
            "-X", $"session.timeout.ms={((long)fleet.SessionTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}",
        };
        if (fleet.StaticMembership)
        {
            args.AddRange(["--instance-id", name]);
        }
        if (fleet.Buffer == BufferMode.Durable)
        {
            args.AddRange(["--spool-dir", Path.Combine(settings.WorkDirectory, "spool", name)]);
        }
        foreach (var (key, value) in settings.KafkaSettings)
        {
            args.AddRange(["-X", $"{key}={value}"]);
        }
        return args;
    }

    public static string InstanceName(int index) => "pipeline-" + index.ToString(CultureInfo.InvariantCulture);
}
