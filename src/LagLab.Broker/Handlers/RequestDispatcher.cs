using System.Collections.Frozen;
using LagLab.Protocol;

namespace LagLab.Broker.Handlers;

/// <summary>Routes a decoded header to the handler of its API key, after checking the version is one we speak.</summary>
internal sealed class RequestDispatcher
{
    private readonly FrozenDictionary<ApiKey, IRequestHandler> _handlers;

    public RequestDispatcher(IEnumerable<IRequestHandler> handlers)
    {
        _handlers = handlers.ToFrozenDictionary(h => h.ApiKey);
        Advertised = ApiVersionTable.All.Where(r => _handlers.ContainsKey(r.ApiKey)).ToArray();
    }

    /// <summary>The API ranges ApiVersions advertises: exactly those that have a handler.</summary>
    public IReadOnlyList<ApiVersionRange> Advertised { get; }

    public bool TryGetHandler(RequestHeader header, out IRequestHandler handler)
    {
        if (_handlers.TryGetValue(header.ApiKey, out handler!) &&
            ApiVersionTable.TryGet(header.ApiKey, out var range) && range.Supports(header.ApiVersion))
        {
            return true;
        }
        handler = null!;
        return false;
    }
}
