using System.Net;
using System.Net.Sockets;

namespace Benchmarks;

/// <summary>A free port on 127.0.0.1, for a host the benchmark starts over real HTTP.</summary>
public static class Loopback
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
