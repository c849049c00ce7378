using LagLab.Protocol;
using LagLab.Protocol.Messages.FindCoordinator;

namespace LagLab.Broker.Handlers.Groups;

/// <summary>
/// FindCoordinator (key 10): this single node coordinates every group, at the same node id, host and port
/// Metadata advertises (librdkafka swaps its bootstrap connection for that node). There is no transaction
/// coordinator.
/// </summary>
internal sealed class FindCoordinatorHandler(BrokerOptions options, Func<int> port)
    : RequestHandler<FindCoordinatorRequest, FindCoordinatorResponse>
{
    private const sbyte GroupKeyType = 0;

    protected override ValueTask<FindCoordinatorResponse?> HandleAsync(RequestContext context, FindCoordinatorRequest request, CancellationToken cancellationToken)
    {
        if (request.KeyType != GroupKeyType)
        {
            return ValueTask.FromResult<FindCoordinatorResponse?>(new FindCoordinatorResponse(
                ErrorCode.CoordinatorNotAvailable, -1, string.Empty, -1, $"Key type {request.KeyType} is not supported: this broker coordinates consumer groups only."));
        }
        return ValueTask.FromResult<FindCoordinatorResponse?>(new FindCoordinatorResponse(
            ErrorCode.None, options.NodeId, options.EffectiveAdvertisedHost, port(), ErrorMessage: null));
    }
}
