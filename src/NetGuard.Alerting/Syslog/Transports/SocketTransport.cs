using System.Net.Sockets;

namespace NetGuard.Alerting.Syslog.Transports;

/// <summary>Connection handling common to the socket transports: connect lazily, close on any failure, count reconnects.</summary>
internal abstract class SocketTransport(SyslogCounters counters) : ISyslogTransport
{
    private Socket? _socket;
    private bool _connectedBefore;

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (_socket is { } current && !Usable(current))
        {
            Close();
        }

        if (_socket is null)
        {
            _socket = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            if (_connectedBefore)
            {
                counters.OnReconnect();
            }

            _connectedBefore = true;
        }

        try
        {
            await SendCoreAsync(_socket, message, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A half-sent stream frame or a refused datagram: start over on a fresh socket next time.
            Close();
            throw;
        }
    }

    public void Dispose()
    {
        Close();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates and connects a socket, disposing it if the connect fails.</summary>
    protected abstract ValueTask<Socket> ConnectAsync(CancellationToken cancellationToken);

    protected abstract ValueTask SendCoreAsync(Socket socket, ReadOnlyMemory<byte> message, CancellationToken cancellationToken);

    /// <summary>False when the connection is known dead before sending (a stream whose peer closed).</summary>
    protected virtual bool IsUsable(Socket socket) => true;

    protected static async ValueTask<Socket> ConnectAsync(Socket socket, System.Net.EndPoint endPoint, CancellationToken cancellationToken)
    {
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool Usable(Socket socket)
    {
        try
        {
            return IsUsable(socket);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }
}
