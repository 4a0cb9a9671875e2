using System.Net.Sockets;
using NetGuard.Alerting.Syslog;
using NetGuard.Alerting.Syslog.Transports;
using NetGuard.Alerting.Tests.Support;

namespace NetGuard.Alerting.Tests.Transports;

/// <summary>The /dev/log transport against a datagram socket the test binds in a temp directory.</summary>
public sealed class UnixDatagramTransportTests : SyslogTransportContract
{
    private readonly TempDirectory _directory = new();
    private Socket? _receiver;

    private string SocketPath => _directory.File("log");

    private protected override ISyslogTransport CreateTransport(SyslogCounters counters) => new UnixDatagramTransport(SocketPath, counters);

    private protected override void StartReceiver()
    {
        StopReceiver();
        _receiver = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _receiver.Bind(new UnixDomainSocketEndPoint(SocketPath));
    }

    private protected override void StopReceiver()
    {
        _receiver?.Dispose();
        _receiver = null;
        File.Delete(SocketPath);
    }

    private protected override byte[] Receive(TimeSpan timeout)
    {
        var buffer = new byte[65536];
        _receiver!.ReceiveTimeout = (int)timeout.TotalMilliseconds;
        var length = _receiver.Receive(buffer);
        return buffer[..length];
    }

    [Fact]
    public async Task SendAsync_NoSocketFile_ThrowsTransient()
    {
        using var transport = CreateTransport(new SyslogCounters());

        var e = await Assert.ThrowsAnyAsync<SocketException>(async () => await transport.SendAsync("x"u8.ToArray(), CancellationToken.None));

        Assert.True(SyslogResilience.IsTransient(e));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }
}
