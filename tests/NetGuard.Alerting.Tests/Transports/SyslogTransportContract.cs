using System.Text;
using NetGuard.Alerting.Syslog;
using NetGuard.Alerting.Syslog.Transports;

namespace NetGuard.Alerting.Tests.Transports;

/// <summary>
/// What the sender loop relies on from every transport, real or fake: whole messages in order; a
/// receiver that went away is reported as an exception (so the retry pipeline runs); after it
/// comes back at the same address the transport reconnects by itself and delivers again.
/// </summary>
public abstract class SyslogTransportContract : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>How many sends it may take to notice a receiver that went away (UDP learns it from an ICMP error on the next send).</summary>
    protected virtual int SendsToNoticeReceiverGone => 1;

    [Fact]
    public async Task SendAsync_ReceiverListening_DeliversWholeMessagesInOrder()
    {
        StartReceiver();
        using var transport = CreateTransport(new SyslogCounters());
        string[] messages = ["<30>1 - - - - - - one", "<30>1 - - - - - - two words", "<30>1 - - - - - - \uFEFFdrei für", ""];

        foreach (var message in messages)
        {
            await transport.SendAsync(Encoding.UTF8.GetBytes(message), CancellationToken.None);
        }

        foreach (var message in messages)
        {
            Assert.Equal(message, Encoding.UTF8.GetString(Receive(Timeout)));
        }
    }

    [Fact]
    public async Task SendAsync_ReceiverGone_Throws()
    {
        StartReceiver();
        using var transport = CreateTransport(new SyslogCounters());
        await transport.SendAsync("before"u8.ToArray(), CancellationToken.None);
        Assert.Equal("before"u8.ToArray(), Receive(Timeout));

        StopReceiver();

        Assert.True(await FailsWithin(transport, SendsToNoticeReceiverGone), "no send failed after the receiver went away");
    }

    [Fact]
    public async Task SendAsync_ReceiverBack_ReconnectsAndDelivers()
    {
        StartReceiver();
        var counters = new SyslogCounters();
        using var transport = CreateTransport(counters);
        await transport.SendAsync("first"u8.ToArray(), CancellationToken.None);
        Assert.Equal("first"u8.ToArray(), Receive(Timeout));
        StopReceiver();
        Assert.True(await FailsWithin(transport, SendsToNoticeReceiverGone));

        StartReceiver();
        await transport.SendAsync("after"u8.ToArray(), CancellationToken.None);

        Assert.Equal("after"u8.ToArray(), Receive(Timeout));
        Assert.True(counters.Reconnects >= 1, $"reconnects {counters.Reconnects}");
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    private protected abstract ISyslogTransport CreateTransport(SyslogCounters counters);

    /// <summary>Starts (or restarts) the receiver at the same address each time.</summary>
    private protected abstract void StartReceiver();

    private protected abstract void StopReceiver();

    /// <summary>The next message, framing removed; throws on timeout.</summary>
    private protected abstract byte[] Receive(TimeSpan timeout);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            StopReceiver();
        }
    }

    private static async Task<bool> FailsWithin(ISyslogTransport transport, int sends)
    {
        for (var i = 0; i < sends; i++)
        {
            try
            {
                await transport.SendAsync("lost"u8.ToArray(), CancellationToken.None);
            }
            catch (Exception e) when (SyslogResilience.IsTransient(e))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
