namespace NetGuard.Alerting.Syslog.Transports;

/// <summary>
/// Delivers one formatted message. Connects on first use; throws when the receiver cannot be
/// reached or the send fails (the caller retries), and reconnects on the next call after a failure.
/// Not thread-safe: one sender loop owns it.
/// </summary>
internal interface ISyslogTransport : IDisposable
{
    ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken);
}
