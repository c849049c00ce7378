using LagLab.Broker.Topics;
using LagLab.Protocol;
using LagLab.Protocol.Messages.DeleteTopics;

namespace LagLab.Broker.Handlers.Admin;

/// <summary>DeleteTopics (key 20), v0-3: removes each topic with its data; unknown names are UNKNOWN_TOPIC_OR_PARTITION.</summary>
internal sealed class DeleteTopicsHandler(TopicManager topics, BrokerMetrics metrics) : RequestHandler<DeleteTopicsRequest, DeleteTopicsResponse>
{
    protected override ValueTask<DeleteTopicsResponse?> HandleAsync(RequestContext context, DeleteTopicsRequest request, CancellationToken cancellationToken)
    {
        var results = request.TopicNames.Distinct(StringComparer.Ordinal).Select(name =>
        {
            var error = topics.DeleteTopic(name).Error;
            if (error != ErrorCode.None)
            {
                metrics.ErrorReturned(ApiKey.DeleteTopics, error);
            }
            return new DeleteTopicsResponse.Result(name, error);
        }).ToArray();
        return ValueTask.FromResult<DeleteTopicsResponse?>(new DeleteTopicsResponse(results));
    }
}
