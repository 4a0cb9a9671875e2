using System.Runtime.CompilerServices;
using NetGuard.Aggregation.Tables;

namespace NetGuard.Aggregation;

/// <summary>Opening and closing seconds of packet time.</summary>
public sealed partial class TrafficAggregator
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AdvanceTo(long second)
    {
        if (_open && second == _openSecond)
        {
            return;
        }

        AdvanceSlow(second);
    }

    private void AdvanceSlow(long second)
    {
        if (_open)
        {
            if (second > _openSecond)
            {
                Close();
                Open(second);
            }
            else if (_openSecond - second <= _toleranceSeconds)
            {
                Counters._reordered++;
            }
            else
            {
                Counters._timeJumpsBack++;
                Close();
                Open(second);
            }

            return;
        }

        // No open second: the last one was closed by the idle watermark (or nothing came yet).
        if (second > _lastClosed || _lastClosed == long.MinValue)
        {
            Open(second);
        }
        else if (_lastClosed - second < _toleranceSeconds)
        {
            // Late for a second already reported: it counts in the next one instead.
            Counters._reordered++;
            Open(_lastClosed + 1);
        }
        else
        {
            Counters._timeJumpsBack++;
            Open(second);
        }
    }

    private void Open(long second)
    {
        _open = true;
        _openSecond = second;
    }

    private void Close()
    {
        var slots = _hosts.Slots;
        var peers = new PeerSummary(slots);
        _peers.ForEach(ref peers);

        var untrackedPairs = _peers.Refused + _portsIn.Refused + _portsOut.Refused;
        _snapshot.Set(_openSecond, slots, _hosts.Count, _secondPackets, _secondBytes, _secondUntrackedHosts, untrackedPairs);
        Counters._untrackedHostPackets += _secondUntrackedHosts;
        Counters._untrackedPairs += untrackedPairs;
        Counters._flowsEvicted = _flows.Evicted;
        Counters._flowsExpired = _flows.ExpiredIdle;
        Counters._flowsSplit = _flows.SplitActive;
        Counters._flowsTracked = _flows.Count;
        Counters._hostsLastSecond = _hosts.Count;
        Counters._secondsClosed++;

        try
        {
            _sink.OnSecond(_snapshot);
        }
        finally
        {
            _hosts.Reset();
            _peers.Reset();
            _portsIn.Reset();
            _portsOut.Reset();
            _secondPackets = 0;
            _secondBytes = 0;
            _secondUntrackedHosts = 0;
            _lastClosed = _openSecond;
            _open = false;
        }
    }

    /// <summary>One pass over the (source, destination) pairs: few-packet sources and each host's top peers.</summary>
    private readonly struct PeerSummary(Core.Statistics.HostSecond[] slots) : IPairVisitor
    {
        public void Visit(int slot, uint value, int count)
        {
            ref var source = ref slots[slot];
            ref var destination = ref slots[value];
            if (count <= 2)
            {
                destination.FewPacketSources++;
            }

            if (count > source.TopDestinationPackets)
            {
                source.TopDestinationPackets = count;
                source.TopDestination = destination.Host;
            }

            if (count > destination.TopSourcePackets)
            {
                destination.TopSourcePackets = count;
                destination.TopSource = source.Host;
            }
        }
    }
}
