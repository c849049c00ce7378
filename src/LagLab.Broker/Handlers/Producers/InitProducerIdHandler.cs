using LagLab.Broker.Topics;
using LagLab.Protocol;
using LagLab.Protocol.Messages.InitProducerId;

namespace LagLab.Broker.Handlers.Producers;

/// <summary>
/// InitProducerId (key 22), v0-1, for idempotent producers: a fresh producer id (never reused, even
/// across restarts on the same data directory) with epoch 0. Transactions are not supported, so a
/// transactional id is refused.
/// </summary>
internal sealed class InitProducerIdHandler(TopicManager topics, BrokerMetrics metrics) : RequestHandler<InitProducerIdRequest, InitProducerIdResponse>
{
    protected override ValueTask<InitProducerIdResponse?> HandleAsync(RequestContext context, InitProducerIdRequest request, CancellationToken cancellationToken)
    {
        if (request.TransactionalId is not null)
        {
            metrics.ErrorReturned(ApiKey.InitProducerId, ErrorCode.InvalidRequest);
            return ValueTask.FromResult<InitProducerIdResponse?>(new InitProducerIdResponse(ErrorCode.InvalidRequest));
        }
        return ValueTask.FromResult<InitProducerIdResponse?>(new InitProducerIdResponse(ErrorCode.None, topics.ProducerIds.Allocate(), 0));
    }
}
