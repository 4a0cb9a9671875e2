namespace NetGuard.Alerting.Syslog;

/// <summary>
/// What the syslog sink did, for metrics and tests. Every event handed to the sink ends up counted
/// once in <see cref="Sent"/> or <see cref="Dropped"/>, or is still in <see cref="Buffered"/>.
/// Give each sink its own instance.
/// </summary>
public sealed class SyslogCounters
{
    private long _sent;
    private long _dropped;
    private long _buffered;
    private long _reconnects;
    private long _failedAttempts;

    /// <summary>Messages handed to the transport successfully.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Events lost: the buffer was full, the sink was closed, disposal timed out, or a message could never be sent.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events waiting to be sent, including the one being sent.</summary>
    public long Buffered => Interlocked.Read(ref _buffered);

    /// <summary>Connections opened after the first one (each follows a failure).</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Connect or send attempts that failed and were retried.</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    internal void OnBuffered() => Interlocked.Increment(ref _buffered);

    internal void OnNotBuffered() => Interlocked.Decrement(ref _buffered);

    internal void OnDroppedOnArrival() => Interlocked.Increment(ref _dropped);

    internal void OnSent()
    {
        Interlocked.Increment(ref _sent);
        Interlocked.Decrement(ref _buffered);
    }

    internal void OnDroppedFromBuffer()
    {
        Interlocked.Increment(ref _dropped);
        Interlocked.Decrement(ref _buffered);
    }

    internal void OnReconnect() => Interlocked.Increment(ref _reconnects);

    internal void OnFailedAttempt() => Interlocked.Increment(ref _failedAttempts);
}
