using NetGuard.Alerting.Syslog;
using NetGuard.Alerting.Syslog.Transports;
using NetGuard.Alerting.Tests.Support;

namespace NetGuard.Alerting.Tests.Transports;

/// <summary>The fake used by the sink tests keeps the contract the real transports keep.</summary>
public sealed class FakeTransportTests : SyslogTransportContract
{
    private readonly FakeReceiver _receiver = new() { Up = false };

    private protected override ISyslogTransport CreateTransport(SyslogCounters counters) => new FakeTransport(_receiver, counters);

    private protected override void StartReceiver() => _receiver.Up = true;

    private protected override void StopReceiver() => _receiver.Up = false;

    private protected override byte[] Receive(TimeSpan timeout) => _receiver.Receive(timeout);
}
