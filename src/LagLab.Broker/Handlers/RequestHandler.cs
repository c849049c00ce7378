using LagLab.Protocol;
using LagLab.Protocol.Primitives;

namespace LagLab.Broker.Handlers;

/// <summary>Typed base: decodes the request with its codec, then hands it to <see cref="HandleAsync(RequestContext, TRequest, CancellationToken)"/>.</summary>
internal abstract class RequestHandler<TRequest, TResponse> : IRequestHandler
    where TRequest : IKafkaRequest<TRequest, TResponse>
    where TResponse : class, IKafkaMessage<TResponse>
{
    public ApiKey ApiKey => TRequest.ApiKey;

    public async ValueTask<IKafkaMessage?> HandleAsync(RequestContext context, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var request = Decode(body, context.ApiVersion);
        return await HandleAsync(context, request, cancellationToken);
    }

    protected abstract ValueTask<TResponse?> HandleAsync(RequestContext context, TRequest request, CancellationToken cancellationToken);

    private static TRequest Decode(ReadOnlyMemory<byte> body, short version)
    {
        var reader = new KafkaReader(body);
        return TRequest.Read(ref reader, version);
    }
}
