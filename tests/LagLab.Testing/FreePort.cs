using System.Net;
using System.Net.Sockets;

namespace LagLab.Testing;

/// <summary>A loopback port that was free a moment ago (for processes that must be restarted on the same port).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
