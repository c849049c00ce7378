using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using LagLab.Broker.Handlers;
using Microsoft.Extensions.Logging;

namespace LagLab.Broker.Network;

/// <summary>Accepts TCP connections and runs one <see cref="ClientConnection"/> per socket, all supervised.</summary>
internal sealed class BrokerServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly RequestMemoryBudget _budget;
    private RequestDispatcher? _dispatcher;
    private readonly BrokerOptions _options;
    private readonly BrokerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _connections = new();
    private Task? _acceptLoop;
    private long _nextConnectionId;

    /// <summary>Binds and listens at once (so a taken port fails first); connections are accepted from <see cref="Start"/> on.</summary>
    public BrokerServer(BrokerOptions options, BrokerMetrics metrics, ILogger logger)
    {
        _options = options;
        _budget = new RequestMemoryBudget(options.QueuedMaxRequestBytes);
        metrics.ObserveQueuedRequestBytes(() => _budget.InUse);
        _metrics = metrics;
        _logger = logger;
        var address = options.BindAddress;
        _listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        AllowRebindOverTimeWait(_listener);
        try
        {
            _listener.Bind(new IPEndPoint(address, options.Port));
            _listener.Listen(512);
        }
        catch (SocketException ex)
        {
            _listener.Dispose();
            throw new BrokerStartException(ex.SocketErrorCode == SocketError.AddressAlreadyInUse
                ? $"port {options.Port} on {options.Host} is already in use (another broker or program listens there); pick another --port or stop it"
                : $"cannot listen on {options.Host}:{options.Port}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Only SO_REUSEADDR, so a restart binds while old connections sit in TIME_WAIT. Not
    /// <see cref="SocketOptionName.ReuseAddress"/>: on Linux .NET maps it to SO_REUSEPORT as well, which let a
    /// second broker bind the same port and the kernel split clients between the two.
    /// </summary>
    private static void AllowRebindOverTimeWait(Socket listener)
    {
        if (OperatingSystem.IsLinux())
        {
            const int SolSocket = 1;
            const int SoReuseAddr = 2;
            listener.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
        }
        else if (OperatingSystem.IsWindows())
        {
            listener.ExclusiveAddressUse = true;
        }
    }

    /// <summary>The port actually bound (differs from the option when it was 0).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public void Start(RequestDispatcher dispatcher)
    {
        _dispatcher = dispatcher;
        _acceptLoop = AcceptLoopAsync(_stopping.Token);
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            socket.NoDelay = true;
            var id = Interlocked.Increment(ref _nextConnectionId);
            var connection = new ClientConnection(id, socket, _dispatcher!, _budget, _options, _metrics, _logger);
            _connections[id] = RunConnectionAsync(id, connection, cancellationToken);
        }
    }

    private async Task RunConnectionAsync(long id, ClientConnection connection, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await connection.RunAsync(cancellationToken);
        }
        finally
        {
            _connections.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop;
        }
        await Task.WhenAll(_connections.Values);
        _stopping.Dispose();
    }
}
