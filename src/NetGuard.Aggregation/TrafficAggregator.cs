using System.Runtime.CompilerServices;
using NetGuard.Aggregation.Tables;
using NetGuard.Core.Packets;
using NetGuard.Core.Statistics;

namespace NetGuard.Aggregation;

/// <summary>
/// Turns packets into per-host, per-second statistics on packet time. A second closes when a
/// packet of a later second arrives, when the idle watermark passes it, or at the end of input.
/// Single-threaded: the aggregation stage owns it.
/// </summary>
public sealed partial class TrafficAggregator
{
    private const long MicrosPerSecond = 1_000_000;
    private const int BucketAhead = 16;
    private const int SlotAhead = 8;
    private readonly ISecondSink _sink;
    private readonly HostTable _hosts;
    private readonly PairTable _peers;
    private readonly PairTable _portsOut;
    private readonly PairTable _portsIn;
    private readonly FlowTable _flows;
    private readonly SecondSnapshot _snapshot = new();
    private readonly long _toleranceSeconds;
    private readonly long _idleGraceMicros;
    private bool _open;
    private long _openSecond;
    private long _lastClosed = long.MinValue;
    private long _secondPackets;
    private long _secondBytes;
    private long _secondUntrackedHosts;

    public TrafficAggregator(AggregationOptions options, ISecondSink sink)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _hosts = new HostTable(options.MaxHostsPerSecond);
        _peers = new PairTable(options.MaxPairsPerSecond);
        _portsOut = new PairTable(options.MaxPairsPerSecond);
        _portsIn = new PairTable(options.MaxPairsPerSecond);
        _flows = new FlowTable(options.MaxFlows, options.FlowIdleTimeout, options.FlowActiveTimeout);
        _toleranceSeconds = (long)Math.Ceiling(options.ReorderTolerance.TotalSeconds);
        _idleGraceMicros = (long)options.IdleGrace.TotalMicroseconds;
    }

    public AggregationCounters Counters { get; } = new();

    /// <summary>Adds one packet.</summary>
    public void Add(in PacketRecord packet) => AddOne(packet);

    /// <summary>
    /// Adds packets in order, as <see cref="Add(in PacketRecord)"/> would one by one, but with the
    /// table lookups of later packets started early: <see cref="BucketAhead"/> packets ahead their
    /// buckets are prefetched (the record carries its hashes; the peer pair's bucket follows from
    /// them), then <see cref="SlotAhead"/> packets ahead the host slots and flow entry those buckets name. Most lookups then hit the cache instead of waiting on memory.
    /// </summary>
    public void AddRange(ReadOnlySpan<PacketRecord> packets)
    {
        for (var i = 0; i < packets.Length; i++)
        {
            var far = i + BucketAhead;
            if (far < packets.Length)
            {
                ref readonly var p = ref packets[far];
                _hosts.PrefetchBucket(p.SourceHash);
                _hosts.PrefetchBucket(p.DestinationHash);
                _flows.PrefetchBucket(p);
                _peers.PrefetchPair(PairTable.Hash(p.SourceHash, p.DestinationHash));
            }

            var near = i + SlotAhead;
            if (near < packets.Length)
            {
                ref readonly var p = ref packets[near];
                _hosts.PrefetchSlot(p.SourceHash);
                _hosts.PrefetchSlot(p.DestinationHash);
                _flows.PrefetchEntry(p);
            }

            AddOne(packets[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddOne(in PacketRecord packet)
    {
        AdvanceTo(packet.TimestampMicros / MicrosPerSecond);
        Counters._packets++;
        _secondPackets++;
        _secondBytes += packet.IpLength;

        var newFlow = _flows.Observe(packet);
        var src = _hosts.GetOrAdd(packet.Source, packet.SourceHash);
        var dst = _hosts.GetOrAdd(packet.Destination, packet.DestinationHash);
        var slots = _hosts.Slots;
        if (src >= 0)
        {
            Count(ref slots[src].Out, packet, newFlow);
        }
        else
        {
            _secondUntrackedHosts++;
        }

        if (dst >= 0)
        {
            Count(ref slots[dst].In, packet, newFlow);
        }
        else
        {
            _secondUntrackedHosts++;
        }

        if (src < 0 || dst < 0)
        {
            return;
        }

        if (_peers.Increment(src, (uint)dst, PairTable.Hash(packet.SourceHash, packet.DestinationHash)) == 1)
        {
            slots[src].Out.DistinctPeers++;
            slots[dst].In.DistinctPeers++;
        }

        if (newFlow && HasPorts(packet.Protocol))
        {
            if (_portsOut.Increment(src, packet.DestinationPort, PairTable.Hash(packet.SourceHash, packet.DestinationPort)) == 1)
            {
                slots[src].Out.DistinctPorts++;
            }

            if (_portsIn.Increment(dst, packet.DestinationPort, PairTable.Hash(packet.DestinationHash, packet.DestinationPort)) == 1)
            {
                slots[dst].In.DistinctPorts++;
            }
        }
    }

    /// <summary>
    /// Closes the open second when <paramref name="nowMicros"/> (wall clock, Unix microseconds) is
    /// past its end by the idle grace: on a quiet link, seconds still close.
    /// </summary>
    public void AdvanceWatermark(long nowMicros)
    {
        if (_open && nowMicros >= ((_openSecond + 1) * MicrosPerSecond) + _idleGraceMicros)
        {
            Close();
        }
    }

    /// <summary>Closes the open second at the end of input.</summary>
    public void Complete()
    {
        if (_open)
        {
            Close();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Count(ref DirectionCounters c, in PacketRecord p, bool newFlow)
    {
        c.Packets++;
        c.Bytes += p.IpLength;
        if (newFlow)
        {
            c.NewFlows++;
        }

        if (p.IsFragment)
        {
            c.Fragments++;
        }

        switch (p.Protocol)
        {
            case IpProtocol.Tcp:
                var f = p.TcpFlags;
                if ((f & TcpFlags.Syn) != 0)
                {
                    if ((f & TcpFlags.Ack) != 0)
                    {
                        c.SynAck++;
                    }
                    else
                    {
                        c.Syn++;
                    }
                }

                if ((f & TcpFlags.Rst) != 0)
                {
                    c.Rst++;
                }

                if ((f & TcpFlags.Fin) != 0)
                {
                    c.Fin++;
                }

                break;
            case IpProtocol.Udp:
                c.Udp++;
                break;
            case IpProtocol.Icmp:
            case IpProtocol.Icmpv6:
                // Errors (unreachable, time exceeded, ...) and echo replies answer other traffic; a flood is of requests.
                if (!IsIcmpAnswer(p.Protocol, p.IcmpType))
                {
                    c.Icmp++;
                }

                break;
            default:
                break;
        }
    }

    /// <summary>
    /// ICMP types 3, 4, 5, 11, 12 and ICMPv6 types 1 to 4 report errors about another packet; ICMP 0, 14,
    /// 16, 18 and ICMPv6 129 answer a request. Neither is something a host floods with.
    /// </summary>
    private static bool IsIcmpAnswer(IpProtocol protocol, byte type) =>
        protocol == IpProtocol.Icmp ? type is 0 or 3 or 4 or 5 or 11 or 12 or 14 or 16 or 18 : type is (>= 1 and <= 4) or 129;

    private static bool HasPorts(IpProtocol protocol) =>
        protocol is IpProtocol.Tcp or IpProtocol.Udp or IpProtocol.Sctp;
}
