using NetGuard.Alerting.Syslog;
using NetGuard.Alerting.Syslog.Transports;

namespace NetGuard.Alerting.Tests.Support;

/// <summary>A transport into a <see cref="FakeReceiver"/>; counts a reconnect like the socket transports do.</summary>
internal sealed class FakeTransport(FakeReceiver receiver, SyslogCounters counters) : ISyslogTransport
{
    private bool _connected;
    private bool _connectedBefore;

    public bool Disposed { get; private set; }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (!_connected)
        {
            if (!receiver.Up)
            {
                throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused);
            }

            if (_connectedBefore)
            {
                counters.OnReconnect();
            }

            _connected = _connectedBefore = true;
        }

        try
        {
            await receiver.AcceptAsync(message, cancellationToken);
        }
        catch
        {
            _connected = false;
            throw;
        }
    }

    public void Dispose() => Disposed = true;
}
