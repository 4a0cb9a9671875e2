using System.Globalization;
using NetGuard.Core.Packets;

namespace NetGuard.Detection.Tests.Engine;

/// <summary>Benign traffic: clients opening short web connections to a server, with Poisson-ish variation.</summary>
internal static class Background
{
    public const string Server = "10.0.0.1";

    /// <summary>About <paramref name="connectionsPerSecond"/> connections a second from a pool of clients, each a full short exchange.</summary>
    public static Action<Traffic, long> Web(int connectionsPerSecond, int clients = 500) => (t, s) =>
    {
        var n = connectionsPerSecond + t.Random.Next(-connectionsPerSecond / 5, (connectionsPerSecond / 5) + 1);
        for (var i = 0; i < n; i++)
        {
            var client = Client(t.Random.Next(clients));
            var port = (ushort)t.Random.Next(32768, 60999);
            var at = t.Random.Next(0, 900_000);
            t.Tcp(s, at, client, port, Server, 443, TcpFlags.Syn);
            t.Tcp(s, at + 100, Server, 443, client, port, TcpFlags.Syn | TcpFlags.Ack);
            t.Tcp(s, at + 200, client, port, Server, 443, TcpFlags.Ack, 500);
            t.Tcp(s, at + 300, Server, 443, client, port, TcpFlags.Ack | TcpFlags.Psh, 1400);
            t.Tcp(s, at + 400, client, port, Server, 443, TcpFlags.Fin | TcpFlags.Ack);
        }
    };

    public static string Client(int i) => string.Create(CultureInfo.InvariantCulture, $"10.1.{i / 250}.{(i % 250) + 1}");
}
