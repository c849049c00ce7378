using System.Net;
using System.Net.Sockets;

namespace LagLab.LoadTest.Parts;

/// <summary>A loopback port that was free a moment ago: parts that restart must come back on the same port.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
