using System.Net;
using System.Text.Json;
using LagLab.Monitor.Alerting;
using LagLab.Monitor.Exposition;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LagLab.Monitor.Tests.Alerting;

public sealed class AlertmanagerNotifierTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Sample Lag(double value) =>
        new(LabelSet.Of((LabelSet.MetricName, "kafka_consumer_lag"), ("group", "recon"), ("topic", "events"), ("partition", "0")), value);

    private sealed class Receiver : HttpMessageHandler
    {
        public List<(Uri Uri, JsonElement Body)> Posts { get; } = [];

        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Posts.Add((request.RequestUri!, JsonDocument.Parse(body).RootElement.Clone()));
            return new HttpResponseMessage(Status);
        }
    }

    private static (AlertEngine Engine, AlertmanagerNotifier Notifier, Receiver Receiver, FakeTimeProvider Time) Create()
    {
        var time = new FakeTimeProvider(T0);
        var receiver = new Receiver();
        var engine = new AlertEngine(RuleFileLoader.Parse("groups:\n  - name: g\n    rules:\n      - alert: Lag\n        expr: kafka_consumer_lag > 1000\n        for: 1m\n        labels: {severity: warning}\n        annotations: {summary: 'lag {{ $value }}'}\n", "r.yml"));
        var endpoint = AlertmanagerNotifier.AlertsEndpoint(new Uri("http://127.0.0.1:9093"));
        var notifier = new AlertmanagerNotifier(new HttpClient(receiver), endpoint, time, TimeSpan.FromMinutes(1), "http://127.0.0.1:9308/", NullLogger.Instance);
        return (engine, notifier, receiver, time);
    }

    private static async Task StepAsync(AlertEngine engine, AlertmanagerNotifier notifier, FakeTimeProvider time, TimeSpan advance, double lag)
    {
        time.Advance(advance);
        engine.Evaluate([Lag(lag)], time.GetUtcNow());
        await notifier.NotifyAsync(engine, Token);
    }

    [Fact]
    public async Task Notify_Lifecycle_SendsFiringResendsAndResolvesWithV2Shape()
    {
        var (engine, notifier, receiver, time) = Create();

        await StepAsync(engine, notifier, time, TimeSpan.Zero, 1500);      // pending: nothing sent
        await StepAsync(engine, notifier, time, TimeSpan.FromMinutes(1), 1500); // fires: sent
        await StepAsync(engine, notifier, time, TimeSpan.FromSeconds(30), 1500); // not due again
        await StepAsync(engine, notifier, time, TimeSpan.FromSeconds(30), 1500); // resend interval passed
        await StepAsync(engine, notifier, time, TimeSpan.FromSeconds(10), 10);   // resolved: sent once
        await StepAsync(engine, notifier, time, TimeSpan.FromMinutes(2), 10);

        Assert.Equal(3, receiver.Posts.Count);
        Assert.All(receiver.Posts, p => Assert.Equal("http://127.0.0.1:9093/api/v2/alerts", p.Uri.ToString()));
        var first = receiver.Posts[0].Body[0];
        Assert.Equal("Lag", first.GetProperty("labels").GetProperty("alertname").GetString());
        Assert.Equal("warning", first.GetProperty("labels").GetProperty("severity").GetString());
        Assert.Equal("lag 1500", first.GetProperty("annotations").GetProperty("summary").GetString());
        Assert.Equal(T0.AddMinutes(1), first.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(T0.AddMinutes(5), first.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal("http://127.0.0.1:9308/", first.GetProperty("generatorURL").GetString());
        var resolved = receiver.Posts[2].Body[0];
        Assert.Equal(T0.AddMinutes(2).AddSeconds(10), resolved.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal(T0.AddMinutes(1), resolved.GetProperty("startsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Notify_ReceiverFails_RetriesNextEvaluation()
    {
        var (engine, notifier, receiver, time) = Create();
        await StepAsync(engine, notifier, time, TimeSpan.Zero, 1500);
        receiver.Status = HttpStatusCode.ServiceUnavailable;
        await StepAsync(engine, notifier, time, TimeSpan.FromMinutes(1), 1500);
        receiver.Status = HttpStatusCode.OK;

        await StepAsync(engine, notifier, time, TimeSpan.FromSeconds(5), 1500);

        Assert.Equal(2, receiver.Posts.Count);
        Assert.Equal(1, notifier.Failures);
        Assert.Equal(1, notifier.Sent);
    }

    [Theory]
    [InlineData("http://am:9093", "http://am:9093/api/v2/alerts")]
    [InlineData("http://am:9093/", "http://am:9093/api/v2/alerts")]
    [InlineData("http://am:9093/prefix", "http://am:9093/prefix/api/v2/alerts")]
    [InlineData("http://am:9093/api/v2/alerts", "http://am:9093/api/v2/alerts")]
    public void AlertsEndpoint_BaseOrFullUrl_PointsAtV2Alerts(string given, string expected)
    {
        Assert.Equal(expected, AlertmanagerNotifier.AlertsEndpoint(new Uri(given)).ToString());
    }
}
