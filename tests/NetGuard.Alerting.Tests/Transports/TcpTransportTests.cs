using System.Net;
using System.Net.Sockets;
using NetGuard.Alerting.Syslog;
using NetGuard.Alerting.Syslog.Transports;
using NetGuard.Alerting.Tests.Support;

namespace NetGuard.Alerting.Tests.Transports;

/// <summary>TCP against a listener that reads octet-counted frames (RFC 6587) the way rsyslog's imtcp does.</summary>
public sealed class TcpTransportTests : SyslogTransportContract
{
    private readonly int _port = FreePort.Tcp();
    private readonly List<Socket> _connections = [];
    private Socket? _listener;
    private OctetCountedReader? _reader;

    private protected override ISyslogTransport CreateTransport(SyslogCounters counters) => new TcpTransport("127.0.0.1", _port, counters);

    private protected override void StartReceiver()
    {
        StopReceiver();
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, _port));
        _listener.Listen();
    }

    private protected override void StopReceiver()
    {
        _reader = null;
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        _connections.Clear();
        _listener?.Dispose();
        _listener = null;
    }

    private protected override byte[] Receive(TimeSpan timeout)
    {
        if (_reader is null)
        {
            _listener!.ReceiveTimeout = (int)timeout.TotalMilliseconds;
            using var accept = new CancellationTokenSource(timeout);
            var connection = _listener.AcceptAsync(accept.Token).AsTask().GetAwaiter().GetResult();
            connection.ReceiveTimeout = (int)timeout.TotalMilliseconds;
            _connections.Add(connection);
            _reader = new OctetCountedReader(connection);
        }

        return _reader.Next();
    }

    [Fact]
    public async Task SendAsync_StreamOfFrames_ParsesBackIntoTheSameMessages()
    {
        StartReceiver();
        using var transport = CreateTransport(new SyslogCounters());
        var messages = Enumerable.Range(0, 200).Select(i => new string('m', i * 37 % 3000) + i).ToArray();

        foreach (var message in messages)
        {
            await transport.SendAsync(System.Text.Encoding.UTF8.GetBytes(message), CancellationToken.None);
        }

        foreach (var message in messages)
        {
            Assert.Equal(message, System.Text.Encoding.UTF8.GetString(Receive(TimeSpan.FromSeconds(5))));
        }
    }
}
