using NetGuard.Core.Packets;
using NetGuard.Testing.Frames;
using static NetGuard.Capture.Tests.Support.Addresses;
using static NetGuard.Capture.Tests.Support.LinkFrames;

namespace NetGuard.Capture.Tests.Decoding;

public class LinkTypeDecodingTests
{
    private const long Ts = 1_234_567_890_123_456;

    private static readonly FrameSpec V4 = new() { Source = V4Source, Destination = V4Destination, SourcePort = 1024, DestinationPort = 22, TcpFlags = TcpFlags.Rst };
    private static readonly FrameSpec V6 = V4 with { Source = V6Source, Destination = V6Destination };
    private static readonly PacketRecord V4Record = new(Ts, Net("10.1.2.3"), Net("192.168.200.9"), 40, IpProtocol.Tcp, 1024, 22, TcpFlags.Rst, PacketFlags.None, 0);
    private static readonly PacketRecord V6Record = new(Ts, Net("2001:db8:1::a"), Net("fe80::1:2:3:4"), 60, IpProtocol.Tcp, 1024, 22, TcpFlags.Rst, PacketFlags.IPv6, 0);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_LinuxSll_ProtocolAtBytes14And15(bool v6)
    {
        var frame = Sll(FrameBuilder.IpPacket(v6 ? V6 : V4), v6 ? (ushort)0x86DD : (ushort)0x0800);

        Assert.Equal((DecodeStatus.Ok, v6 ? V6Record : V4Record), Decode(LinkType.LinuxSll, frame, Ts));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_LinuxSll2_ProtocolAtBytes0And1(bool v6)
    {
        var frame = Sll2(FrameBuilder.IpPacket(v6 ? V6 : V4), v6 ? (ushort)0x86DD : (ushort)0x0800);

        Assert.Equal((DecodeStatus.Ok, v6 ? V6Record : V4Record), Decode(LinkType.LinuxSll2, frame, Ts));
    }

    [Fact]
    public void Decode_LinuxSllCarryingVlanTag_ReadsInnerPacket()
    {
        var packet = FrameBuilder.IpPacket(V4);
        var tagged = new byte[4 + packet.Length];
        tagged[1] = 7;       // VLAN 7
        tagged[2] = 0x08;    // then IPv4
        packet.CopyTo(tagged, 4);

        var (status, record) = Decode(LinkType.LinuxSll, Sll(tagged, 0x8100), Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(PacketFlags.Vlan, record.Flags);
        Assert.Equal(22, record.DestinationPort);
    }

    [Theory]
    [InlineData(LinkType.LinuxSll, 15)]
    [InlineData(LinkType.LinuxSll2, 19)]
    public void Decode_CookedHeaderIncomplete_Truncated(LinkType link, int length)
    {
        var frame = link == LinkType.LinuxSll ? Sll([], 0x0800) : Sll2([], 0x0800);

        Assert.Equal((DecodeStatus.Truncated, default(PacketRecord)), Decode(link, frame.AsSpan(0, length)));
    }

    [Theory]
    [InlineData(LinkType.LinuxSll)]
    [InlineData(LinkType.LinuxSll2)]
    public void Decode_CookedArp_NotIp(LinkType link)
    {
        var arp = new byte[28];
        var frame = link == LinkType.LinuxSll ? Sll(arp, 0x0806) : Sll2(arp, 0x0806);

        Assert.Equal((DecodeStatus.NotIp, default(PacketRecord)), Decode(link, frame));
    }

    [Theory]
    [InlineData(LinkType.Raw, false)]
    [InlineData(LinkType.Raw, true)]
    [InlineData(LinkType.RawLegacy, false)]
    [InlineData(LinkType.RawLegacy, true)]
    [InlineData(LinkType.RawOpenBsd, false)]
    [InlineData(LinkType.RawOpenBsd, true)]
    public void Decode_RawIp_VersionNibbleChoosesTheHeader(LinkType link, bool v6)
    {
        Assert.Equal((DecodeStatus.Ok, v6 ? V6Record : V4Record), Decode(link, FrameBuilder.IpPacket(v6 ? V6 : V4), Ts));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x55)]
    [InlineData(0xF5)]
    public void Decode_RawIpOtherVersion_Malformed(byte first)
    {
        var packet = FrameBuilder.IpPacket(V4);
        packet[0] = first;

        Assert.Equal((DecodeStatus.Malformed, default(PacketRecord)), Decode(LinkType.Raw, packet));
    }

    [Fact]
    public void Decode_RawIpEmpty_Truncated()
    {
        Assert.Equal((DecodeStatus.Truncated, default(PacketRecord)), Decode(LinkType.Raw, []));
    }

    [Fact]
    public void Decode_LinkTypeIPv4_ReadsIPv4_RejectsIPv6()
    {
        Assert.Equal((DecodeStatus.Ok, V4Record), Decode(LinkType.IPv4, FrameBuilder.IpPacket(V4), Ts));
        Assert.Equal((DecodeStatus.Malformed, default(PacketRecord)), Decode(LinkType.IPv4, FrameBuilder.IpPacket(V6)));
    }

    [Fact]
    public void Decode_LinkTypeIPv6_ReadsIPv6_RejectsIPv4()
    {
        Assert.Equal((DecodeStatus.Ok, V6Record), Decode(LinkType.IPv6, FrameBuilder.IpPacket(V6), Ts));
        Assert.Equal((DecodeStatus.Malformed, default(PacketRecord)), Decode(LinkType.IPv6, FrameBuilder.IpPacket(V4 with { PayloadLength = 40 })));
    }

    [Theory]
    [InlineData(2u, false, false)]
    [InlineData(2u, true, false)]
    [InlineData(24u, false, true)] // NetBSD/OpenBSD AF_INET6
    [InlineData(24u, true, true)]
    [InlineData(28u, false, true)] // FreeBSD
    [InlineData(28u, true, true)]
    [InlineData(30u, false, true)] // macOS
    [InlineData(30u, true, true)]
    public void Decode_Null_FamilyInEitherByteOrder(uint family, bool bigEndian, bool v6)
    {
        var frame = Loopback(FrameBuilder.IpPacket(v6 ? V6 : V4), family, bigEndian);

        Assert.Equal((DecodeStatus.Ok, v6 ? V6Record : V4Record), Decode(LinkType.Null, frame, Ts));
    }

    [Theory]
    [InlineData(7u, false)]  // AF_OSI
    [InlineData(23u, true)]  // AF_IPX
    [InlineData(0u, false)]
    public void Decode_NullOtherFamily_NotIp(uint family, bool bigEndian)
    {
        Assert.Equal((DecodeStatus.NotIp, default(PacketRecord)), Decode(LinkType.Null, Loopback(FrameBuilder.IpPacket(V4), family, bigEndian)));
    }

    [Fact]
    public void Decode_Loop_FamilyInNetworkOrderOnly()
    {
        var packet = FrameBuilder.IpPacket(V4);

        Assert.Equal((DecodeStatus.Ok, V4Record), Decode(LinkType.Loop, Loopback(packet, 2, bigEndian: true), Ts));
        Assert.Equal((DecodeStatus.Ok, V6Record), Decode(LinkType.Loop, Loopback(FrameBuilder.IpPacket(V6), 24, bigEndian: true), Ts));
        Assert.Equal((DecodeStatus.NotIp, default(PacketRecord)), Decode(LinkType.Loop, Loopback(packet, 2, bigEndian: false)));
    }

    [Theory]
    [InlineData(LinkType.Null)]
    [InlineData(LinkType.Loop)]
    public void Decode_LoopbackHeaderIncomplete_Truncated(LinkType link)
    {
        Assert.Equal((DecodeStatus.Truncated, default(PacketRecord)), Decode(link, new byte[] { 2, 0, 0 }));
    }

    [Theory]
    [InlineData(105)] // 802.11
    [InlineData(127)] // radiotap
    [InlineData(9)]   // PPP
    [InlineData(-1)]
    public void Decode_UnknownLinkType_Unsupported(int link)
    {
        Assert.Equal((DecodeStatus.UnsupportedLinkType, default(PacketRecord)), Decode((LinkType)link, FrameBuilder.Ethernet(V4)));
    }
}
