using System.Net;
using System.Net.Sockets;

namespace NetGuard.Alerting.Syslog.Transports;

/// <summary>
/// TCP with octet-counting framing. Before each send it checks whether the receiver closed the
/// connection (readable with nothing to read), as rsyslog's own forwarder does: otherwise the
/// first message after a receiver restart would vanish into a dead socket's send buffer.
/// </summary>
internal sealed class TcpTransport(string host, int port, SyslogCounters counters) : SocketTransport(counters)
{
    protected override async ValueTask<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = IPAddress.TryParse(host, out var literal)
            ? new Socket(literal.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        EndPoint endPoint = literal is null ? new DnsEndPoint(host, port) : new IPEndPoint(literal, port);
        socket.NoDelay = true;
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        return await ConnectAsync(socket, endPoint, cancellationToken).ConfigureAwait(false);
    }

    protected override async ValueTask SendCoreAsync(Socket socket, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> frame = OctetCounting.Frame(message.Span);
        while (!frame.IsEmpty)
        {
            var sent = await socket.SendAsync(frame, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            frame = frame[sent..];
        }
    }

    protected override bool IsUsable(Socket socket)
    {
        if (!socket.Poll(0, SelectMode.SelectRead))
        {
            return true;
        }

        // Readable: either the peer closed (nothing to read) or it sent something, which syslog receivers don't.
        var available = socket.Available;
        if (available == 0)
        {
            return false;
        }

        var discard = new byte[Math.Min(available, 4096)];
        _ = socket.Receive(discard);
        return true;
    }
}
