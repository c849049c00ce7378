using System.Collections.Concurrent;
using System.Net;

namespace LagLab.Pipeline.Tests.Bank;

/// <summary>An HTTP handler that answers from a script, recording each request: unit tests of the bank client only.</summary>
internal sealed class StubBankHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _answer;

    public StubBankHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) => _answer = answer;

    public StubBankHandler(HttpStatusCode status, Action<HttpResponseMessage>? configure = null)
        : this((_, _) =>
        {
            var response = new HttpResponseMessage(status);
            configure?.Invoke(response);
            return Task.FromResult(response);
        })
    {
    }

    public ConcurrentQueue<(HttpRequestMessage Request, string Body)> Requests { get; } = new();

    public HttpClient CreateClient() => new(this) { BaseAddress = new Uri("http://bank.test") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request, body));
        return await _answer(request, cancellationToken);
    }
}
