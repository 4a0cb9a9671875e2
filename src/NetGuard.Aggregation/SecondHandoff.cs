using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using NetGuard.Core.Statistics;

namespace NetGuard.Aggregation;

/// <summary>
/// Runs a second sink (detection, output) on a thread of its own, so that the aggregation thread goes
/// on with the next second's packets while the last one is judged: on two cores, aggregation and
/// detection overlap instead of taking turns. Each closed second is copied (a few MB a second at most)
/// and handed over through a queue of one; seconds reach the sink in order, exactly once.
/// A second with more hosts than <see cref="MaxCopiedHosts"/> (a spoofed flood) is not copied: the
/// aggregation thread waits for the sink to be idle and calls it itself, which keeps memory bounded.
/// </summary>
public sealed class SecondHandoff : ISecondSink, IDisposable
{
    /// <summary>65,536 hosts: 11.5 MB per copy; two copies exist at most.</summary>
    public const int MaxCopiedHosts = 1 << 16;

    private readonly ISecondSink _inner;
    private readonly BlockingCollection<Copy> _queue = new(boundedCapacity: 1);
    private readonly ConcurrentBag<Copy> _spare = [];
    private readonly object _gate = new();
    private readonly Thread _thread;
    private int _pending;
    private volatile ExceptionDispatchInfo? _fault;
    private bool _completed;

    public SecondHandoff(ISecondSink inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _thread = new Thread(Drain) { IsBackground = true, Name = "detection" };
        _thread.Start();
    }

    /// <summary>Seconds handed to the sink's thread, and seconds the aggregation thread passed on itself.</summary>
    public long Handed { get; private set; }

    public long Inline { get; private set; }

    public void OnSecond(SecondSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _fault?.Throw();
        var hosts = snapshot.Hosts;
        if (hosts.Length > MaxCopiedHosts)
        {
            // Wait until the sink's thread has finished everything handed to it (it then waits for the
            // next hand-over, which only this thread makes), then pass the second on from here.
            lock (_gate)
            {
                while (_pending > 0)
                {
                    Monitor.Wait(_gate);
                }
            }

            _fault?.Throw();
            _inner.OnSecond(snapshot);
            Inline++;
            return;
        }

        if (!_spare.TryTake(out var copy))
        {
            copy = new Copy();
        }

        copy.From(snapshot);
        lock (_gate)
        {
            _pending++;
        }

        _queue.Add(copy);
        Handed++;
    }

    /// <summary>Waits until the sink has seen every second handed over; rethrows what the sink threw.</summary>
    public void Complete()
    {
        Finish();
        _fault?.Throw();
    }

    public void Dispose()
    {
        Finish();
        _queue.Dispose();
    }

    /// <summary>No more seconds: lets the sink's thread drain the queue and waits for it.</summary>
    private void Finish()
    {
        if (!_completed)
        {
            _completed = true;
            _queue.CompleteAdding();
            _thread.Join();
        }
    }

    private void Drain()
    {
        foreach (var copy in _queue.GetConsumingEnumerable())
        {
            try
            {
                if (_fault is null)
                {
                    _inner.OnSecond(copy.Snapshot);
                }
            }
            catch (Exception e)
            {
                // Kept for the aggregation thread, which rethrows it: a sink failure ends the run as it did inline.
                _fault = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                _spare.Add(copy);
                lock (_gate)
                {
                    _pending--;
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }

    /// <summary>A snapshot whose host array belongs to the handoff, reused from second to second.</summary>
    private sealed class Copy
    {
        private HostSecond[] _hosts = [];

        public SecondSnapshot Snapshot { get; } = new();

        public void From(SecondSnapshot source)
        {
            var hosts = source.Hosts;
            if (_hosts.Length < hosts.Length)
            {
                _hosts = new HostSecond[Math.Max(hosts.Length, Math.Min(_hosts.Length * 2, MaxCopiedHosts))];
            }

            hosts.CopyTo(_hosts);
            Snapshot.Set(source.Second, _hosts, hosts.Length, source.Packets, source.Bytes, source.UntrackedHostPackets, source.UntrackedPairs);
        }
    }
}
