namespace LagLab.Pipeline.Hosting;

/// <summary>Everything <c>laglab pipeline</c> can be told. Defaults live here and nowhere else.</summary>
public sealed class PipelineOptions
{
    public string BootstrapServers { get; set; } = "127.0.0.1:9092";

    public string Topic { get; set; } = "reconciliation-events";

    public string Group { get; set; } = "reconciliation";

    public string BankUrl { get; set; } = "http://127.0.0.1:8080";

    public string ResultsTopic { get; set; } = "reconciliation-results";

    public string DeadLetterTopic { get; set; } = "reconciliation-events-dlq";

    /// <summary>Static membership (<c>group.instance.id</c>) when set; also names the instance in results and logs.</summary>
    public string? InstanceId { get; set; }

    public Assignor Assignor { get; set; } = Assignor.CooperativeSticky;

    public ProcessingMode Mode { get; set; } = ProcessingMode.Async;

    /// <summary>Workers: accounts applied at the same time. About rate x bank p99 latency keeps the budget busy.</summary>
    public int Concurrency { get; set; } = 64;

    /// <summary>The bank's request budget for the whole group, per second; each instance takes its partition share.</summary>
    public double RateLimit { get; set; } = 200;

    public BufferMode Buffer { get; set; } = BufferMode.Memory;

    /// <summary>Directory of the durable spool (default: ./spool/&lt;instance&gt;).</summary>
    public string? SpoolDirectory { get; set; }

    /// <summary>Events taken and not final at which every partition pauses; they resume at half.</summary>
    public int MaxBuffered { get; set; } = 2000;

    /// <summary>host:port for the Prometheus endpoint; none when null.</summary>
    public string? MetricsListen { get; set; }

    /// <summary>How long a revoke waits for in-flight work of the revoked partitions before abandoning it.</summary>
    public TimeSpan RevokeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long SIGTERM waits for in-flight work before committing and closing.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A bank call without an answer by then is a timeout (a breaker failure).</summary>
    public TimeSpan BankTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the breaker stays open before a probe.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Extra librdkafka settings (<c>-X key=value</c>), applied last to the consumer and the producer.</summary>
    public Dictionary<string, string> KafkaSettings { get; } = new(StringComparer.Ordinal);

    public string EffectiveInstance => InstanceId ?? $"{Environment.MachineName}-{Environment.ProcessId}";

    public string EffectiveSpoolDirectory => SpoolDirectory ?? Path.Combine("spool", EffectiveInstance);

    /// <summary>Fails fast with a message that names the option.</summary>
    public void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(BootstrapServers), "--bootstrap-servers must not be empty.");
        Require(!string.IsNullOrWhiteSpace(Topic), "--topic must not be empty.");
        Require(!string.IsNullOrWhiteSpace(Group), "--group must not be empty.");
        Require(!string.IsNullOrWhiteSpace(ResultsTopic), "--results-topic must not be empty.");
        Require(!string.IsNullOrWhiteSpace(DeadLetterTopic), "--dead-letter-topic must not be empty.");
        Require(ResultsTopic != Topic && DeadLetterTopic != Topic, "--results-topic and --dead-letter-topic must differ from --topic.");
        Require(Uri.TryCreate(BankUrl, UriKind.Absolute, out var bank) && (bank.Scheme == Uri.UriSchemeHttp || bank.Scheme == Uri.UriSchemeHttps),
            $"--bank-url must be an absolute http:// or https:// URL, got '{BankUrl}'.");
        Require(InstanceId is null || (InstanceId.Length is > 0 and <= 249 && InstanceId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')),
            $"--instance-id must be 1-249 characters of letters, digits, '.', '_' or '-', got '{InstanceId}'.");
        Require(Concurrency is >= 1 and <= 10_000, $"--concurrency must be between 1 and 10000, got {Concurrency}.");
        Require(RateLimit is > 0 and <= 1_000_000 && double.IsFinite(RateLimit), $"--rate-limit must be above 0 and at most 1000000 per second, got {RateLimit}.");
        Require(MaxBuffered is >= 2 and <= 10_000_000, $"--max-buffered must be between 2 and 10000000, got {MaxBuffered}.");
        Require(SpoolDirectory is null || Buffer == BufferMode.Durable, "--spool-dir needs --buffer durable.");
        Require(Buffer == BufferMode.Memory || Mode == ProcessingMode.Async, "--buffer durable needs --mode async (blocking mode is the incident's consumer, without a buffer).");
        if (MetricsListen is not null)
        {
            Require(TryParseEndpoint(MetricsListen, out _), $"--metrics-listen must be host:port with a port from 0 to 65535, got '{MetricsListen}'.");
        }
        RequirePositive(RevokeTimeout, "--revoke-timeout");
        RequirePositive(DrainTimeout, "--drain-timeout");
        RequirePositive(CommitInterval, "--commit-interval");
        RequirePositive(BankTimeout, "--bank-timeout");
        RequirePositive(BreakDuration, "--break-duration");
    }

    /// <summary>Parses host:port (IPv6 in brackets).</summary>
    public static bool TryParseEndpoint(string text, out System.Net.IPEndPoint? endpoint)
    {
        endpoint = null;
        if (text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            text = "127.0.0.1:" + text["localhost:".Length..];
        }
        return System.Net.IPEndPoint.TryParse(text, out endpoint) && text.Contains(':', StringComparison.Ordinal) && endpoint.Port is >= 0 and <= 65535;
    }

    private static void RequirePositive(TimeSpan value, string name) =>
        Require(value > TimeSpan.Zero && value <= TimeSpan.FromHours(1), $"{name} must be above 0 and at most 1 hour, got {value}.");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
