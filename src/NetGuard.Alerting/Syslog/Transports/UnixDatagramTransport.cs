using System.Net.Sockets;

namespace NetGuard.Alerting.Syslog.Transports;

/// <summary>
/// A local datagram socket such as <c>/dev/log</c>. A missing socket or a restarted receiver fails
/// the send (and the next attempt reconnects); a full receiver queue waits, bounded by the send timeout.
/// </summary>
internal sealed class UnixDatagramTransport(string path, SyslogCounters counters) : SocketTransport(counters)
{
    protected override ValueTask<Socket> ConnectAsync(CancellationToken cancellationToken) =>
        ConnectAsync(new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified), new UnixDomainSocketEndPoint(path), cancellationToken);

    protected override async ValueTask SendCoreAsync(Socket socket, ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        await socket.SendAsync(message, SocketFlags.None, cancellationToken).ConfigureAwait(false);
}
