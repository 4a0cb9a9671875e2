using System.Buffers.Binary;
using NetGuard.Core.Packets;
using NetGuard.Testing.Frames;
using static NetGuard.Capture.Tests.Support.Addresses;
using static NetGuard.Capture.Tests.Support.LinkFrames;

namespace NetGuard.Capture.Tests.Decoding;

public class IPv6DecodingTests
{
    private const long Ts = 1_600_000_000_000_000;
    private const int Ext = 14 + 40; // first extension header in an untagged Ethernet frame

    private static readonly FrameSpec UdpSpec = new()
    {
        Source = V6Source,
        Destination = V6Destination,
        Protocol = IpProtocol.Udp,
        SourcePort = 546,
        DestinationPort = 547,
        PayloadLength = 10,
    };

    private static PacketRecord Expected(int ipLength, IpProtocol protocol, ushort sport, ushort dport, PacketFlags flags, byte icmpType = 0) =>
        new(Ts, Net("2001:db8:1::a"), Net("fe80::1:2:3:4"), ipLength, protocol, sport, dport, protocol == IpProtocol.Tcp && sport != 0 ? TcpFlags.Syn : TcpFlags.None, flags | PacketFlags.IPv6, icmpType);

    [Fact]
    public void Decode_IPv6Udp_ReadsEveryField()
    {
        var (status, record) = Decode(LinkType.Ethernet, FrameBuilder.Ethernet(UdpSpec), Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(Expected(58, IpProtocol.Udp, 546, 547, PacketFlags.None), record);
    }

    [Theory]
    [InlineData((byte)0)]  // hop-by-hop
    [InlineData((byte)43)] // routing
    [InlineData((byte)60)] // destination options
    public void Decode_OneExtensionHeader_SkippedToReadPorts(byte header)
    {
        var (status, record) = Decode(LinkType.Ethernet, FrameBuilder.Ethernet(UdpSpec with { IPv6ExtensionHeaders = [header] }), Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(Expected(66, IpProtocol.Udp, 546, 547, PacketFlags.None), record);
    }

    [Fact]
    public void Decode_ChainOfExtensionHeaders_ReadsTcp()
    {
        var frame = FrameBuilder.Ethernet(UdpSpec with { Protocol = IpProtocol.Tcp, IPv6ExtensionHeaders = [0, 60, 43, 60] });

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(Expected(40 + 32 + 20 + 10, IpProtocol.Tcp, 546, 547, PacketFlags.None), record);
    }

    [Fact]
    public void Decode_HopByHopLongerThanEightBytes_LengthCountedInEightByteUnits()
    {
        // Turn two 8-byte headers into one 16-byte hop-by-hop header (length field 1) followed directly by UDP.
        var frame = FrameBuilder.Ethernet(UdpSpec with { IPv6ExtensionHeaders = [0, 60] });
        frame[Ext] = (byte)IpProtocol.Udp;
        frame[Ext + 1] = 1;

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(Expected(74, IpProtocol.Udp, 546, 547, PacketFlags.None), record);
    }

    [Fact]
    public void Decode_AuthenticationHeader_LengthCountedInFourByteUnits()
    {
        // One 24-byte AH (payload length field 4: (4 + 2) * 4) in place of three 8-byte headers.
        var frame = FrameBuilder.Ethernet(UdpSpec with { IPv6ExtensionHeaders = [60, 60, 60] });
        frame[14 + 6] = 51;
        frame[Ext] = (byte)IpProtocol.Udp;
        frame[Ext + 1] = 4;

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(Expected(82, IpProtocol.Udp, 546, 547, PacketFlags.None), record);
    }

    [Fact]
    public void Decode_FirstFragment_ReadsPortsAndSetsFragment()
    {
        var frame = FrameBuilder.Ethernet(UdpSpec with { IPv6ExtensionHeaders = [0, 44], MoreFragments = true });

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(Expected(74, IpProtocol.Udp, 546, 547, PacketFlags.Fragment), record);
    }

    [Theory]
    [InlineData(new byte[] { 44 })]
    [InlineData(new byte[] { 0, 60, 44 })]
    [InlineData(new byte[] { 44, 60 })] // options after the fragment header belong to the fragmented part
    public void Decode_LaterFragment_NoPortsAndSetsLaterFragment(byte[] headers)
    {
        var frame = FrameBuilder.Ethernet(UdpSpec with { IPv6ExtensionHeaders = headers, FragmentOffset = 181, MoreFragments = true, PayloadLength = 64 });
        var chained = (byte)(headers[^1] == 44 ? IpProtocol.Udp : (IpProtocol)60);

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(Expected(40 + (8 * headers.Length) + 64, (IpProtocol)chained, 0, 0, PacketFlags.Fragment | PacketFlags.LaterFragment), record);
    }

    [Theory]
    [InlineData(new byte[0], (byte)128)]   // echo request
    [InlineData(new byte[] { 0 }, (byte)143)] // MLDv2 report behind hop-by-hop (router alert)
    [InlineData(new byte[] { 60 }, (byte)135)]
    public void Decode_Icmpv6_ReadsType(byte[] headers, byte type)
    {
        var frame = FrameBuilder.Ethernet(UdpSpec with { Protocol = IpProtocol.Icmpv6, IcmpType = type, IPv6ExtensionHeaders = headers, PayloadLength = 0 });

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(Expected(48 + (8 * headers.Length), IpProtocol.Icmpv6, 0, 0, PacketFlags.None, type), record);
    }

    [Fact]
    public void Decode_SixteenExtensionHeaders_Ok_Seventeen_Malformed()
    {
        var sixteen = FrameBuilder.Ethernet(UdpSpec with { IPv6ExtensionHeaders = [.. Enumerable.Repeat((byte)60, 16)] });
        var seventeen = FrameBuilder.Ethernet(UdpSpec with { IPv6ExtensionHeaders = [.. Enumerable.Repeat((byte)60, 17)] });

        Assert.Equal((DecodeStatus.Ok, Expected(40 + 128 + 18, IpProtocol.Udp, 546, 547, PacketFlags.None)), Decode(LinkType.Ethernet, sixteen, Ts));
        Assert.Equal((DecodeStatus.Malformed, default(PacketRecord)), Decode(LinkType.Ethernet, seventeen, Ts));
    }

    [Fact]
    public void Decode_NoNextHeader_OkWithoutTransportFields()
    {
        var frame = FrameBuilder.Ethernet(UdpSpec with { Protocol = (IpProtocol)59, PayloadLength = 0 });

        Assert.Equal((DecodeStatus.Ok, Expected(40, (IpProtocol)59, 0, 0, PacketFlags.None)), Decode(LinkType.Ethernet, frame, Ts));
    }

    [Fact]
    public void Decode_PayloadLengthZero_TakesCapturedLength()
    {
        var frame = FrameBuilder.Ethernet(UdpSpec with { PayloadLength = 100 });
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14 + 4), 0);

        Assert.Equal((DecodeStatus.Ok, Expected(148, IpProtocol.Udp, 546, 547, PacketFlags.None)), Decode(LinkType.Ethernet, frame, Ts));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(0)]
    [InlineData(7)]
    public void Decode_IPv6EtherTypeWithOtherVersion_Malformed(int version)
    {
        var frame = FrameBuilder.Ethernet(UdpSpec);
        frame[14] = (byte)(version << 4);

        Assert.Equal((DecodeStatus.Malformed, default(PacketRecord)), Decode(LinkType.Ethernet, frame));
    }
}
