using System.Buffers.Binary;
using NetGuard.Capture.Tests.Support;
using NetGuard.Core.Packets;
using NetGuard.Testing.Frames;
using static NetGuard.Capture.Tests.Support.Addresses;
using static NetGuard.Capture.Tests.Support.LinkFrames;

namespace NetGuard.Capture.Tests.Decoding;

public class EthernetDecodingTests
{
    private const long Ts = 1_700_000_000_000_001;

    private static readonly FrameSpec TcpSpec = new()
    {
        Source = V4Source,
        Destination = V4Destination,
        SourcePort = 51515,
        DestinationPort = 443,
        TcpFlags = TcpFlags.Syn | TcpFlags.Ack,
        PayloadLength = 12,
    };

    [Fact]
    public void Decode_EthernetIPv4Tcp_ReadsEveryField()
    {
        var (status, record) = Decode(LinkType.Ethernet, FrameBuilder.Ethernet(TcpSpec), Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(new PacketRecord(Ts, Net("10.1.2.3"), Net("192.168.200.9"), 52, IpProtocol.Tcp, 51515, 443, TcpFlags.Syn | TcpFlags.Ack, PacketFlags.None, 0), record);
    }

    [Fact]
    public void Decode_EthernetIPv4Udp_ReadsPortsAndNoTcpFlags()
    {
        var frame = FrameBuilder.Ethernet(TcpSpec with { Protocol = IpProtocol.Udp, SourcePort = 5353, DestinationPort = 53, PayloadLength = 30 });

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(new PacketRecord(Ts, Net("10.1.2.3"), Net("192.168.200.9"), 58, IpProtocol.Udp, 5353, 53, TcpFlags.None, PacketFlags.None, 0), record);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(255)]
    public void Decode_EthernetIcmp_ReadsTypeAndNoPorts(byte type)
    {
        var frame = FrameBuilder.Ethernet(TcpSpec with { Protocol = IpProtocol.Icmp, IcmpType = type, PayloadLength = 0 });

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(new PacketRecord(Ts, Net("10.1.2.3"), Net("192.168.200.9"), 28, IpProtocol.Icmp, 0, 0, TcpFlags.None, PacketFlags.None, type), record);
    }

    [Theory]
    [InlineData((byte)0x00)]
    [InlineData((byte)0x01)]
    [InlineData((byte)0x02)]
    [InlineData((byte)0x04)]
    [InlineData((byte)0x08)]
    [InlineData((byte)0x10)]
    [InlineData((byte)0x20)]
    [InlineData((byte)0x40)]
    [InlineData((byte)0x80)]
    [InlineData((byte)0x29)] // FIN|PSH|URG: the XMAS scan
    [InlineData((byte)0x12)] // SYN|ACK
    [InlineData((byte)0xFF)]
    public void Decode_TcpFlagByte_ReadAsIs(byte flags)
    {
        var frame = FrameBuilder.Ethernet(TcpSpec with { TcpFlags = (TcpFlags)flags });

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal((TcpFlags)flags, record.TcpFlags);
        Assert.Equal(51515, record.SourcePort);
    }

    [Fact]
    public void Decode_OneVlanTag_ReadsInnerPacketAndSetsVlan()
    {
        var frame = FrameBuilder.Ethernet(TcpSpec with { VlanIds = [100] });

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(new PacketRecord(Ts, Net("10.1.2.3"), Net("192.168.200.9"), 52, IpProtocol.Tcp, 51515, 443, TcpFlags.Syn | TcpFlags.Ack, PacketFlags.Vlan, 0), record);
    }

    [Theory]
    [InlineData((ushort)0x8100)]
    [InlineData((ushort)0x88A8)] // 802.1ad service tag
    [InlineData((ushort)0x9100)]
    public void Decode_TwoVlanTags_ReadsInnerIPv6Packet(ushort outerTpid)
    {
        var frame = FrameBuilder.Ethernet(TcpSpec with { Source = V6Source, Destination = V6Destination, VlanIds = [10, 20] });
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), outerTpid);

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(new PacketRecord(Ts, Net("2001:db8:1::a"), Net("fe80::1:2:3:4"), 72, IpProtocol.Tcp, 51515, 443, TcpFlags.Syn | TcpFlags.Ack, PacketFlags.Vlan | PacketFlags.IPv6, 0), record);
    }

    [Fact]
    public void Decode_EightVlanTags_Ok_NineTags_Malformed()
    {
        var eight = FrameBuilder.Ethernet(TcpSpec with { VlanIds = [1, 2, 3, 4, 5, 6, 7, 8] });
        var nine = FrameBuilder.Ethernet(TcpSpec with { VlanIds = [1, 2, 3, 4, 5, 6, 7, 8, 9] });

        Assert.Equal(DecodeStatus.Ok, Decode(LinkType.Ethernet, eight).Status);
        Assert.Equal(51515, Decode(LinkType.Ethernet, eight).Record.SourcePort);
        Assert.Equal((DecodeStatus.Malformed, default(PacketRecord)), Decode(LinkType.Ethernet, nine));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_Arp_NotIp(bool vlan)
    {
        Assert.Equal((DecodeStatus.NotIp, default(PacketRecord)), Decode(LinkType.Ethernet, EthernetArp(vlan)));
    }

    [Theory]
    [InlineData((ushort)0x88CC)] // LLDP
    [InlineData((ushort)0x0026)] // an 802.3 length field (STP, ...)
    [InlineData((ushort)0x8847)] // MPLS
    public void Decode_OtherEtherTypes_NotIp(ushort etherType)
    {
        var frame = FrameBuilder.Ethernet(TcpSpec);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), etherType);

        Assert.Equal(DecodeStatus.NotIp, Decode(LinkType.Ethernet, frame).Status);
    }

    [Fact]
    public void Decode_EthernetPaddingBeyondIPv4TotalLength_Ignored()
    {
        // 14 + 20 + 8 = 42 bytes: the NIC pads to the 60-byte minimum with bytes that are not the datagram's.
        var frame = FrameBuilder.Ethernet(TcpSpec with { Protocol = IpProtocol.Udp, SourcePort = 123, DestinationPort = 124, PayloadLength = 0 });
        var padded = new byte[60];
        frame.CopyTo(padded, 0);
        padded.AsSpan(frame.Length).Fill(0xEE);

        var (status, record) = Decode(LinkType.Ethernet, padded, Ts);

        Assert.Equal(42, frame.Length);
        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(new PacketRecord(Ts, Net("10.1.2.3"), Net("192.168.200.9"), 28, IpProtocol.Udp, 123, 124, TcpFlags.None, PacketFlags.None, 0), record);
    }

    [Fact]
    public void Decode_EthernetPaddingAfterShortIPv4Datagram_DoesNotSupplyMissingTransportBytes()
    {
        // The IP total length says the datagram ends after 2 bytes of TCP; the padding must not be read as the rest of it.
        var frame = FrameBuilder.Ethernet(TcpSpec with { PayloadLength = 0 });
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), 22);

        Assert.Equal((DecodeStatus.Truncated, default(PacketRecord)), Decode(LinkType.Ethernet, frame));
    }

    [Fact]
    public void Decode_EthernetPaddingBeyondIPv6PayloadLength_Ignored()
    {
        var frame = FrameBuilder.Ethernet(TcpSpec with { Source = V6Source, Destination = V6Destination, Protocol = IpProtocol.Udp, SourcePort = 1, DestinationPort = 2, PayloadLength = 0 });
        var padded = new byte[frame.Length + 8];
        frame.CopyTo(padded, 0);
        padded.AsSpan(frame.Length).Fill(0x3C); // would read as a hop-by-hop chain if taken as IPv6 payload

        var (status, record) = Decode(LinkType.Ethernet, padded, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(new PacketRecord(Ts, Net("2001:db8:1::a"), Net("fe80::1:2:3:4"), 48, IpProtocol.Udp, 1, 2, TcpFlags.None, PacketFlags.IPv6, 0), record);
    }

    [Fact]
    public void Decode_EthernetPaddingAfterShortIPv6Datagram_DoesNotSupplyMissingTransportBytes()
    {
        var frame = FrameBuilder.Ethernet(TcpSpec with { Source = V6Source, Destination = V6Destination, Protocol = IpProtocol.Udp, PayloadLength = 0 });
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14 + 4), 3);

        Assert.Equal((DecodeStatus.Truncated, default(PacketRecord)), Decode(LinkType.Ethernet, frame));
    }

    [Fact]
    public void Decode_IPv4InsideIPv6EtherType_Malformed()
    {
        var frame = FrameBuilder.Ethernet(TcpSpec with { PayloadLength = 40 });
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x86DD);

        Assert.Equal((DecodeStatus.Malformed, default(PacketRecord)), Decode(LinkType.Ethernet, frame));
    }
}
