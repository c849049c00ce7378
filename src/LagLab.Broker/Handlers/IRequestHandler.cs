using LagLab.Protocol;

namespace LagLab.Broker.Handlers;

/// <summary>One handler per API key; the dispatcher routes by key after checking the version.</summary>
internal interface IRequestHandler
{
    ApiKey ApiKey { get; }

    /// <summary>Decodes the body, handles it, and returns the response, or null when none is sent (acks=0).</summary>
    ValueTask<IKafkaMessage?> HandleAsync(RequestContext context, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);
}
