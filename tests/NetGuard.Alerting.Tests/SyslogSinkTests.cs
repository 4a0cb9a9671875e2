using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using NetGuard.Alerting.Syslog;
using NetGuard.Alerting.Syslog.Formatting;
using NetGuard.Alerting.Tests.Support;
using Serilog.Core;
using Serilog.Events;

namespace NetGuard.Alerting.Tests;

/// <summary>Buffering, dropping, retrying and flushing, against the in-memory receiver.</summary>
public sealed class SyslogSinkTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly FakeReceiver _receiver = new();
    private readonly SyslogCounters _counters = new();
    private readonly CollectingFailureListener _failures = new();
    private FakeTransport? _transport;

    private SyslogSink CreateSink(int bufferEvents = 10_000, TimeSpan? flushTimeout = null, TimeSpan? sendTimeout = null)
    {
        var options = TestOptions.Create(SyslogTransport.Tcp, "127.0.0.1", bufferEvents: bufferEvents);
        options.FlushTimeout = flushTimeout ?? options.FlushTimeout;
        options.SendTimeout = sendTimeout ?? options.SendTimeout;
        _transport = new FakeTransport(_receiver, _counters);
        var sink = new SyslogSink(options, new Rfc5424Formatter(SyslogFacility.Daemon, "h", "netguard", 1, "netguard@32473", 8192), _transport, _counters, TimeProvider.System);
        sink.SetFailureListener(_failures);
        return sink;
    }

    private static LogEvent Numbered(int sequence) =>
        Events.Create(LogEventLevel.Information, "seq {Seq}", null, ("Seq", sequence));

    private static int SequenceOf(byte[] message)
    {
        var text = Encoding.UTF8.GetString(message);
        return int.Parse(text[(text.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _transport?.Dispose();

    [Fact]
    public async Task Emit_ReceiverUp_SendsEveryEventOnceInOrder()
    {
        await using var sink = CreateSink();

        for (var i = 0; i < 100; i++)
        {
            sink.Emit(Numbered(i));
        }

        Assert.True(Wait.Until(() => _counters.Sent == 100, Timeout), $"sent {_counters.Sent}");
        Assert.Equal(Enumerable.Range(0, 100), _receiver.Drain().Select(SequenceOf));
        Assert.Equal(0, _counters.Dropped);
        Assert.Equal(0, _counters.Buffered);
    }

    [Fact]
    public async Task Emit_ReceiverDown_NeverBlocksKeepsTheOldestUpToTheBoundAndCountsTheRest()
    {
        await using var sink = CreateSink(bufferEvents: 10);
        sink.Emit(Numbered(0));
        Assert.True(Wait.Until(() => _counters.Sent == 1, Timeout));
        _receiver.Up = false;

        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= 25; i++)
        {
            sink.Emit(Numbered(i));
        }

        clock.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"25 emits took {clock.Elapsed}");
        Assert.True(Wait.Until(() => _counters.FailedAttempts >= 3, Timeout), "the sender is not retrying");
        Assert.Equal(15, _counters.Dropped);
        Assert.Equal(10, _counters.Buffered);
        Assert.Equal(1, _counters.Sent);
        Assert.Equal(15, _failures.Failures.Count(f => f.Kind == LoggingFailureKind.Permanent && f.Events?.Count == 1));
        Assert.Contains(_failures.Failures, f => f.Kind == LoggingFailureKind.Temporary && f.Exception is SocketException);

        _receiver.Up = true;

        Assert.True(Wait.Until(() => _counters.Sent == 11, Timeout), $"sent {_counters.Sent}");
        Assert.Equal(Enumerable.Range(0, 11), _receiver.Drain().Select(SequenceOf));
        Assert.Equal(0, _counters.Buffered);
        Assert.Equal(1, _counters.Reconnects);
    }

    [Fact]
    public async Task Emit_ReceiverHangs_EachAttemptTimesOutAndNothingIsLostOrDoubled()
    {
        await using var sink = CreateSink(sendTimeout: TimeSpan.FromMilliseconds(100));
        _receiver.Hang = true;

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            sink.Emit(Numbered(i));
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"emits took {clock.Elapsed}");
        Assert.True(Wait.Until(() => _counters.FailedAttempts >= 2, Timeout), "attempts were not bounded by the send timeout");
        Assert.Equal(0, _counters.Sent);

        _receiver.Hang = false;

        Assert.True(Wait.Until(() => _counters.Sent == 5, Timeout), $"sent {_counters.Sent}");
        Assert.Equal(Enumerable.Range(0, 5), _receiver.Drain().Select(SequenceOf));
    }

    [Fact]
    public async Task Emit_ConcurrentWriters_EveryEventIsSentOrDroppedExactlyOnce()
    {
        var sink = CreateSink(bufferEvents: 500);
        const int Writers = 4;
        const int PerWriter = 2_000;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                sink.Emit(Numbered((w * PerWriter) + i));
            }
        })));
        await sink.DisposeAsync();

        Assert.Equal(Writers * PerWriter, _counters.Sent + _counters.Dropped);
        Assert.Equal(0, _counters.Buffered);
        var received = _receiver.Drain().Select(SequenceOf).ToList();
        Assert.Equal(_counters.Sent, received.Count);
        Assert.Equal(received.Count, received.Distinct().Count());
    }

    [Fact]
    public async Task DisposeAsync_ReceiverUp_FlushesEverythingBuffered()
    {
        var sink = CreateSink();
        for (var i = 0; i < 500; i++)
        {
            sink.Emit(Numbered(i));
        }

        await sink.DisposeAsync();

        Assert.Equal(500, _counters.Sent);
        Assert.Equal(Enumerable.Range(0, 500), _receiver.Drain().Select(SequenceOf));
        Assert.True(_transport!.Disposed);
    }

    [Fact]
    public void Dispose_ReceiverDown_ReturnsAfterTheFlushTimeoutAndCountsWhatWasLeft()
    {
        var sink = CreateSink(flushTimeout: TimeSpan.FromMilliseconds(300));
        _receiver.Up = false;
        for (var i = 0; i < 5; i++)
        {
            sink.Emit(Numbered(i));
        }

        var clock = Stopwatch.StartNew();
        sink.Dispose();
        clock.Stop();

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
        Assert.Equal(0, _counters.Sent);
        Assert.Equal(5, _counters.Dropped);
        Assert.Equal(0, _counters.Buffered);
        Assert.Equal(5, _failures.Failures.Count(f => f.Kind == LoggingFailureKind.Final));
        Assert.True(_transport!.Disposed);
    }

    [Fact]
    public async Task Emit_AfterDispose_IsDroppedAndCounted()
    {
        var sink = CreateSink();
        await sink.DisposeAsync();

        sink.Emit(Numbered(1));

        Assert.Equal(1, _counters.Dropped);
        Assert.Equal(0, _counters.Buffered);
    }

    [Fact]
    public async Task Send_MessageTheSocketCannotCarry_DropsOnlyThatEvent()
    {
        _receiver.Reject = m => SequenceOf(m) == 1 ? new SocketException((int)SocketError.MessageSize) : null;
        await using var sink = CreateSink();

        for (var i = 0; i < 3; i++)
        {
            sink.Emit(Numbered(i));
        }

        Assert.True(Wait.Until(() => _counters.Sent == 2 && _counters.Dropped == 1, Timeout), $"sent {_counters.Sent}, dropped {_counters.Dropped}");
        Assert.Equal([0, 2], _receiver.Drain().Select(SequenceOf));
        var failure = Assert.Single(_failures.Failures, f => f.Kind == LoggingFailureKind.Permanent);
        Assert.IsType<SocketException>(failure.Exception);
    }
}
