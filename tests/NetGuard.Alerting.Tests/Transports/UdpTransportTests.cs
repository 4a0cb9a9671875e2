using System.Net;
using System.Net.Sockets;
using NetGuard.Alerting.Syslog;
using NetGuard.Alerting.Syslog.Transports;
using NetGuard.Alerting.Tests.Support;

namespace NetGuard.Alerting.Tests.Transports;

public sealed class UdpTransportTests : SyslogTransportContract
{
    private readonly int _port = FreePort.Udp();
    private Socket? _receiver;

    protected override int SendsToNoticeReceiverGone => 3;

    private protected override ISyslogTransport CreateTransport(SyslogCounters counters) => new UdpTransport("127.0.0.1", _port, counters);

    private protected override void StartReceiver()
    {
        StopReceiver();
        _receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _receiver.Bind(new IPEndPoint(IPAddress.Loopback, _port));
    }

    private protected override void StopReceiver()
    {
        _receiver?.Dispose();
        _receiver = null;
    }

    private protected override byte[] Receive(TimeSpan timeout)
    {
        var buffer = new byte[65536];
        _receiver!.ReceiveTimeout = (int)timeout.TotalMilliseconds;
        var length = _receiver.Receive(buffer);
        return buffer[..length];
    }

    [Fact]
    public async Task SendAsync_HostName_IsResolved()
    {
        StartReceiver();
        using var transport = new UdpTransport("localhost", _port, new SyslogCounters());

        await transport.SendAsync("named"u8.ToArray(), CancellationToken.None);

        Assert.Equal("named"u8.ToArray(), Receive(TimeSpan.FromSeconds(5)));
    }
}
