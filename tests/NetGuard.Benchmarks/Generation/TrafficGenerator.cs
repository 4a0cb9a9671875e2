using NetGuard.Core.Packets;

namespace NetGuard.Benchmarks.Generation;

/// <summary>
/// Deterministic (per seed) stream of Ethernet frames with a realistic mix: TCP handshakes, bulk
/// and interactive transfers and teardowns, small and streaming UDP, ICMP echo, a little ARP.
/// Frames are written into one reused buffer; nothing is allocated per packet, only per new flow.
/// </summary>
internal sealed partial class TrafficGenerator
{
    /// <summary>Largest frame produced: 1,500-byte IP packet, Ethernet header and one VLAN tag.</summary>
    public const int MaxFrameLength = 1518;

    private readonly TrafficMix _mix;
    private readonly Random _random;
    private readonly SyntheticFlow[] _slots;
    private readonly double _meanGapMicros;
    private double _clock;

    public TrafficGenerator(TrafficMix mix, int seed)
    {
        ArgumentNullException.ThrowIfNull(mix);
        _mix = mix;
        _random = new Random(seed);
        _meanGapMicros = 1e6 / mix.PacketsPerSecond;
        _frame.AsSpan().Fill(Filler);
        (_clients4, _clients6, _servers4, _servers6) = MakeHosts();
        _slots = new SyntheticFlow[mix.FlowSlots];
        for (var i = 0; i < _slots.Length; i++)
        {
            // A capture starts in the middle of conversations, not with every handshake at once.
            var flow = NewFlow(i, PickKind());
            flow.Sent = _random.Next(flow.Planned);
            _slots[i] = flow;
        }
    }

    public GeneratorStats Stats { get; } = new();

    /// <summary>The next frame, valid until the next call.</summary>
    public ReadOnlySpan<byte> Next(out long timestampMicros)
    {
        _clock += -Math.Log(1 - _random.NextDouble()) * _meanGapMicros;
        timestampMicros = _mix.StartMicros + (long)_clock;
        var stats = Stats;
        if (stats.Packets == 0)
        {
            stats.FirstMicros = timestampMicros;
        }

        stats.LastMicros = timestampMicros;
        stats.Packets++;
        if (_random.NextDouble() < _mix.ArpShare)
        {
            stats.Arp++;
            stats.Bytes += ArpLength;
            return Arp();
        }

        // Skewed popularity (density ~ 1/sqrt): a few slots are busy, the coldest still see packets.
        var u = _random.NextDouble();
        var index = (int)(u * u * _slots.Length);
        var flow = _slots[index];
        bool finished;
        var length = flow.Protocol switch
        {
            IpProtocol.Tcp => NextTcp(flow, out finished),
            IpProtocol.Udp => NextUdp(flow, out finished),
            _ => NextIcmp(flow, out finished),
        };

        stats.Bytes += length;
        stats.IPv6 += flow.IPv6 ? 1 : 0;
        stats.Vlan += flow.Vlan ? 1 : 0;
        switch (flow.Protocol)
        {
            case IpProtocol.Tcp:
                stats.Tcp++;
                break;
            case IpProtocol.Udp:
                stats.Udp++;
                break;
            default:
                stats.Icmp++;
                break;
        }

        if (finished)
        {
            // The slot keeps its kind, so that packet shares per kind do not drift as short flows churn.
            _slots[index] = NewFlow(index, flow.Kind);
        }

        return _frame.AsSpan(0, length);
    }

    private int NextTcp(SyntheticFlow flow, out bool finished)
    {
        finished = false;
        var n = flow.Sent++;
        switch (n)
        {
            case 0:
                return Write(flow, forward: true, 0, TcpFlags.Syn);
            case 1:
                return Write(flow, forward: false, 0, TcpFlags.Syn | TcpFlags.Ack);
            case 2:
                return Write(flow, forward: true, 0, TcpFlags.Ack);
            default:
                break;
        }

        var closing = n - 3 - flow.Planned;
        if (closing >= 0)
        {
            if (closing == 0 && _random.NextDouble() < 0.05)
            {
                finished = true;
                return Write(flow, forward: _random.NextDouble() < 0.5, 0, TcpFlags.Rst | TcpFlags.Ack);
            }

            finished = closing == 2;
            return closing switch
            {
                0 => Write(flow, forward: true, 0, TcpFlags.Fin | TcpFlags.Ack),
                1 => Write(flow, forward: false, 0, TcpFlags.Fin | TcpFlags.Ack),
                _ => Write(flow, forward: true, 0, TcpFlags.Ack),
            };
        }

        var mss = flow.IPv6 ? 1440 : 1460;
        var r = _random.NextDouble();
        if (flow.Kind == FlowKind.TcpBulk)
        {
            // Server segments, mostly full-size, and the client's pure ACKs.
            return r < 0.6
                ? Write(flow, forward: false, r < 0.57 ? mss : _random.Next(1, mss), r < 0.06 ? TcpFlags.Psh | TcpFlags.Ack : TcpFlags.Ack)
                : Write(flow, forward: true, 0, TcpFlags.Ack);
        }

        if (r < 0.4)
        {
            var request = r < 0.2 ? 0 : _random.Next(40, 700);
            return Write(flow, forward: true, request, request > 0 ? TcpFlags.Psh | TcpFlags.Ack : TcpFlags.Ack);
        }

        var s = _random.NextDouble();
        var response = s < 0.3 ? 0 : s < 0.65 ? mss : _random.Next(100, mss);
        return Write(flow, forward: false, response, response > 0 ? TcpFlags.Psh | TcpFlags.Ack : TcpFlags.Ack);
    }

    private int NextUdp(SyntheticFlow flow, out bool finished)
    {
        var n = flow.Sent++;
        finished = n + 1 >= flow.Planned;
        var max = 1500 - (flow.IPv6 ? 40 : 20) - 8;
        if (flow.Kind == FlowKind.UdpSmall)
        {
            return (n & 1) == 0
                ? Write(flow, forward: true, _random.Next(28, 64), TcpFlags.None)
                : Write(flow, forward: false, _random.Next(60, 420), TcpFlags.None);
        }

        return _random.NextDouble() < 0.7
            ? Write(flow, forward: false, Math.Min(max, _random.Next(1000, 1350)), TcpFlags.None)
            : Write(flow, forward: true, _random.Next(20, 300), TcpFlags.None);
    }

    private int NextIcmp(SyntheticFlow flow, out bool finished)
    {
        var n = flow.Sent++;
        finished = n + 1 >= flow.Planned;
        var request = (n & 1) == 0;
        byte type = flow.IPv6 ? (request ? (byte)128 : (byte)129) : (request ? (byte)8 : (byte)0);
        return Write(flow, forward: request, 56, TcpFlags.None, type);
    }
}
