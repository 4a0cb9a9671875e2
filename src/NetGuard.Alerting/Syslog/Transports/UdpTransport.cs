using System.Net;
using System.Net.Sockets;

namespace NetGuard.Alerting.Syslog.Transports;

/// <summary>
/// One datagram per message (RFC 5426). The socket is connected so that an ICMP "port unreachable"
/// surfaces as an error on a later send; UDP itself never confirms delivery.
/// </summary>
internal sealed class UdpTransport(string host, int port, SyslogCounters counters) : SocketTransport(counters)
{
    protected override async ValueTask<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.TryParse(host, out var literal)
            ? literal
            : (await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false)).FirstOrDefault()
                ?? throw new SocketException((int)SocketError.HostNotFound);
        return await ConnectAsync(new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp), new IPEndPoint(address, port), cancellationToken)
            .ConfigureAwait(false);
    }

    protected override async ValueTask SendCoreAsync(Socket socket, ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        await socket.SendAsync(message, SocketFlags.None, cancellationToken).ConfigureAwait(false);
}
