using System.Collections.Concurrent;
using System.Net.Sockets;

namespace NetGuard.Alerting.Tests.Support;

/// <summary>An in-memory syslog receiver that can be taken down, made to hang, or made to reject a message.</summary>
internal sealed class FakeReceiver
{
    private readonly BlockingCollection<byte[]> _messages = [];
    private volatile bool _up = true;
    private volatile bool _hang;

    public bool Up { get => _up; set => _up = value; }

    /// <summary>Sends wait until cancelled (a black-holed receiver).</summary>
    public bool Hang { get => _hang; set => _hang = value; }

    /// <summary>Messages for which this returns an exception fail with it, whatever the state.</summary>
    public Func<byte[], Exception?> Reject { get; set; } = _ => null;

    public int Attempts;

    public int Count => _messages.Count;

    public async ValueTask AcceptAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Attempts);
        var bytes = message.ToArray();
        if (Reject(bytes) is { } rejected)
        {
            throw rejected;
        }

        if (_hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (!_up)
        {
            throw new SocketException((int)SocketError.ConnectionRefused);
        }

        _messages.Add(bytes, cancellationToken);
    }

    public byte[] Receive(TimeSpan timeout) =>
        _messages.TryTake(out var message, timeout) ? message : throw new TimeoutException("no message within " + timeout);

    public List<byte[]> Drain()
    {
        var all = new List<byte[]>();
        while (_messages.TryTake(out var message))
        {
            all.Add(message);
        }

        return all;
    }
}
