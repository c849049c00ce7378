using LagLab.Protocol;
using LagLab.Protocol.Messages.ApiVersions;

namespace LagLab.Broker.Handlers;

/// <summary>ApiVersions (key 18): advertises every API that has a handler, with the ranges the codec speaks.</summary>
internal sealed class ApiVersionsHandler(Func<IReadOnlyList<ApiVersionRange>> advertised)
    : RequestHandler<ApiVersionsRequest, ApiVersionsResponse>
{
    protected override ValueTask<ApiVersionsResponse?> HandleAsync(RequestContext context, ApiVersionsRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ApiVersionsResponse?>(Build(advertised(), ErrorCode.None));

    /// <summary>Also used for the UNSUPPORTED_VERSION fallback, which Kafka answers with a v0 body listing the keys.</summary>
    public static ApiVersionsResponse Build(IReadOnlyList<ApiVersionRange> ranges, ErrorCode errorCode) =>
        new(errorCode, ranges.Select(r => new ApiVersionsResponse.ApiKeyRange((short)r.ApiKey, r.MinVersion, r.MaxVersion)).ToArray());
}
