using System.Diagnostics;
using System.Threading.Channels;
using NetGuard.Alerting.Syslog.Formatting;
using NetGuard.Alerting.Syslog.Transports;
using Polly;
using Polly.Retry;
using Serilog.Core;
using Serilog.Events;

namespace NetGuard.Alerting.Syslog;

/// <summary>
/// The syslog sink. <see cref="Emit"/> never blocks and never throws: it puts the event into a
/// bounded buffer, and when the buffer is full the NEW event is dropped and counted, so what is
/// buffered is the unbroken run of events since the receiver went away. One background loop takes
/// events in order, formats each and sends it through the retry pipeline; an event leaves the
/// buffer only once sent (or found unsendable), so the bound covers the event in flight too.
/// </summary>
internal sealed class SyslogSink : ILogEventSink, ISetLoggingFailureListener, IDisposable, IAsyncDisposable
{
    private readonly Channel<LogEvent> _buffer;
    private readonly ISyslogFormatter _formatter;
    private readonly ISyslogTransport _transport;
    private readonly ResiliencePipeline _pipeline;
    private readonly SyslogCounters _counters;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _flushTimeout;
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _sender;
    private ILoggingFailureListener _failureListener = SelfLogFailureListener.Instance;
    private int _disposed;

    public SyslogSink(SyslogOptions options, ISyslogFormatter formatter, ISyslogTransport transport, SyslogCounters counters, TimeProvider timeProvider)
    {
        _buffer = Channel.CreateBounded<LogEvent>(new BoundedChannelOptions(options.BufferEvents)
        {
            // Wait + TryWrite: a full buffer refuses the new event instead of blocking, and we count it.
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
        _formatter = formatter;
        _transport = transport;
        _counters = counters;
        _timeProvider = timeProvider;
        _flushTimeout = options.FlushTimeout;
        _pipeline = SyslogResilience.Create(options, timeProvider, OnRetryAsync);
        _sender = Task.Run(SendLoopAsync);
    }

    public void Emit(LogEvent logEvent)
    {
        _counters.OnBuffered();
        if (_buffer.Writer.TryWrite(logEvent))
        {
            return;
        }

        _counters.OnNotBuffered();
        _counters.OnDroppedOnArrival();
        _failureListener.OnLoggingFailed(this, LoggingFailureKind.Permanent,
            Volatile.Read(ref _disposed) == 0 ? "syslog buffer full, event dropped" : "syslog sink closed, event dropped", [logEvent], null);
    }

    public void SetFailureListener(ILoggingFailureListener failureListener) =>
        _failureListener = failureListener ?? throw new ArgumentNullException(nameof(failureListener));

    /// <summary>Stops accepting events, sends what is buffered for up to the flush timeout, then drops and counts the rest.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _buffer.Writer.TryComplete();
        try
        {
            await _sender.WaitAsync(_flushTimeout, _timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await _sender.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _transport.Dispose();
        _abort.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task SendLoopAsync()
    {
        var reader = _buffer.Reader;
        var cancellationToken = _abort.Token;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryPeek(out var logEvent))
                {
                    await SendAsync(logEvent, cancellationToken).ConfigureAwait(false);
                    var removed = reader.TryRead(out _);
                    Debug.Assert(removed, "the single reader removes the event it peeked");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposal ran out of time; what is left is counted below.
        }

        while (reader.TryRead(out var left))
        {
            _counters.OnDroppedFromBuffer();
            _failureListener.OnLoggingFailed(this, LoggingFailureKind.Final, "syslog sink closed before the event could be sent", [left], null);
        }
    }

    /// <summary>Sends one event, retrying until it goes out; an event that can never be sent is dropped and counted.</summary>
    private async ValueTask SendAsync(LogEvent logEvent, CancellationToken cancellationToken)
    {
        try
        {
            var message = _formatter.Format(logEvent);
            await _pipeline.ExecuteAsync(
                static (state, token) => state.Transport.SendAsync(state.Message, token),
                (Transport: _transport, Message: message),
                cancellationToken).ConfigureAwait(false);
            _counters.OnSent();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            _counters.OnDroppedFromBuffer();
            _failureListener.OnLoggingFailed(this, LoggingFailureKind.Permanent, "syslog message could not be sent", [logEvent], e);
        }
    }

    private ValueTask OnRetryAsync(OnRetryArguments<object> args)
    {
        _counters.OnFailedAttempt();
        _failureListener.OnLoggingFailed(this, LoggingFailureKind.Temporary,
            $"syslog send failed, retrying in {args.RetryDelay.TotalMilliseconds:0} ms", null, args.Outcome.Exception);
        return ValueTask.CompletedTask;
    }
}
