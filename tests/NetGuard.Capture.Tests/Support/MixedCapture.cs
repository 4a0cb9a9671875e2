using System.Buffers.Binary;
using NetGuard.Core.Packets;
using NetGuard.Testing.Files;
using NetGuard.Testing.Frames;

namespace NetGuard.Capture.Tests.Support;

/// <summary>
/// An Ethernet capture of known content in a shuffled but fixed order: IPv4 TCP, IPv6 UDP, ARP, frames cut
/// short by the snap length and frames with a bad IP version. The earliest and latest timestamps are mid-file.
/// </summary>
internal sealed class MixedCapture
{
    public const int Tcp4 = 300;
    public const int Udp6 = 40;
    public const int Arp = 7;
    public const int Cut = 3;
    public const int BadVersion = 2;
    public const int Total = Tcp4 + Udp6 + Arp + Cut + BadVersion;

    private const long Base = 1_700_000_000_000_000;
    private readonly List<(long Ts, byte[] Bytes, int Original)> _frames = [];

    public MixedCapture()
    {
        var kinds = new List<char>();
        kinds.AddRange(Enumerable.Repeat('t', Tcp4));
        kinds.AddRange(Enumerable.Repeat('u', Udp6));
        kinds.AddRange(Enumerable.Repeat('a', Arp));
        kinds.AddRange(Enumerable.Repeat('c', Cut));
        kinds.AddRange(Enumerable.Repeat('v', BadVersion));
        var order = kinds.ToArray();
        new Random(3).Shuffle(order);

        for (var i = 0; i < order.Length; i++)
        {
            var ts = i switch
            {
                100 => Base - 5_000_000,
                200 => Base + 9_000_000_000,
                _ => Base + (i * 1000L),
            };
            Add(order[i], i, ts);
        }
    }

    public long WireBytes => _frames.Sum(f => (long)f.Original);

    public List<PacketRecord> ExpectedRecords { get; } = [];

    public void WriteTo(PcapWriter writer)
    {
        foreach (var (ts, bytes, original) in _frames)
        {
            writer.Write(ts, bytes, original);
        }
    }

    private void Add(char kind, int i, long ts)
    {
        var tcp = new FrameSpec { Source = Addresses.V4Source, Destination = Addresses.V4Destination, SourcePort = (ushort)(1000 + i), TcpFlags = TcpFlags.Syn };
        switch (kind)
        {
            case 't':
                Ok(tcp with { VlanIds = i % 3 == 0 ? [12] : [] }, ts);
                break;
            case 'u':
                Ok(tcp with { Source = Addresses.V6Source, Destination = Addresses.V6Destination, Protocol = IpProtocol.Udp, PayloadLength = i % 50 }, ts);
                break;
            case 'a':
                _frames.Add((ts, LinkFrames.EthernetArp(), 42));
                break;
            case 'c':
                _frames.Add((ts, FrameBuilder.Ethernet(tcp)[..30], 54));
                break;
            default:
                var bad = FrameBuilder.Ethernet(tcp);
                bad[14] = 0x55;
                BinaryPrimitives.WriteUInt16BigEndian(bad.AsSpan(16), 40);
                _frames.Add((ts, bad, bad.Length));
                break;
        }
    }

    private void Ok(FrameSpec spec, long ts)
    {
        var bytes = FrameBuilder.Ethernet(spec);
        _frames.Add((ts, bytes, bytes.Length));
        ExpectedRecords.Add(ExpectedRecord.For(new GeneratedFrame(LinkType.Ethernet, false, spec, bytes), ts));
    }
}
