using System.Buffers.Binary;
using NetGuard.Core.Packets;
using NetGuard.Testing.Frames;
using static NetGuard.Capture.Tests.Support.Addresses;
using static NetGuard.Capture.Tests.Support.LinkFrames;

namespace NetGuard.Capture.Tests.Decoding;

public class IPv4DecodingTests
{
    private const long Ts = 1_650_000_000_999_999;

    private static readonly FrameSpec UdpSpec = new()
    {
        Source = V4Source,
        Destination = V4Destination,
        Protocol = IpProtocol.Udp,
        SourcePort = 40001,
        DestinationPort = 161,
        PayloadLength = 20,
    };

    [Theory]
    [InlineData(4, 24)]
    [InlineData(12, 32)]
    [InlineData(40, 60)] // IHL 15: the largest header
    public void Decode_IPv4WithOptions_SkipsOptionsToReadPorts(int optionBytes, int headerLength)
    {
        var frame = FrameBuilder.Ethernet(UdpSpec with { IPv4OptionBytes = optionBytes });

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(headerLength / 4, frame[14] & 0x0F);
        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(new PacketRecord(Ts, Net("10.1.2.3"), Net("192.168.200.9"), headerLength + 8 + 20, IpProtocol.Udp, 40001, 161, TcpFlags.None, PacketFlags.None, 0), record);
    }

    [Fact]
    public void Decode_FirstFragment_ReadsPortsAndSetsFragment()
    {
        var frame = FrameBuilder.Ethernet(UdpSpec with { MoreFragments = true, PayloadLength = 1472 });

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(new PacketRecord(Ts, Net("10.1.2.3"), Net("192.168.200.9"), 1500, IpProtocol.Udp, 40001, 161, TcpFlags.None, PacketFlags.Fragment, 0), record);
    }

    [Theory]
    [InlineData(true)]  // a middle fragment
    [InlineData(false)] // the last fragment
    public void Decode_LaterFragment_NoTransportFieldsAndSetsLaterFragment(bool moreFragments)
    {
        // The payload (0xAB bytes) would read as ports 0xABAB if the decoder looked for a header there.
        var frame = FrameBuilder.Ethernet(UdpSpec with { Protocol = IpProtocol.Tcp, MoreFragments = moreFragments, FragmentOffset = 185, PayloadLength = 100 });

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(new PacketRecord(Ts, Net("10.1.2.3"), Net("192.168.200.9"), 120, IpProtocol.Tcp, 0, 0, TcpFlags.None, PacketFlags.Fragment | PacketFlags.LaterFragment, 0), record);
    }

    [Fact]
    public void Decode_DontFragmentBit_NotAFragment()
    {
        var frame = FrameBuilder.Ethernet(UdpSpec);
        frame[14 + 6] = 0x40;

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(PacketFlags.None, record.Flags);
        Assert.Equal(40001, record.SourcePort);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(15)]
    public void Decode_IPv4EtherTypeWithOtherVersion_Malformed(int version)
    {
        var frame = FrameBuilder.Ethernet(UdpSpec);
        frame[14] = (byte)((version << 4) | 5);

        Assert.Equal((DecodeStatus.Malformed, default(PacketRecord)), Decode(LinkType.Ethernet, frame));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void Decode_HeaderLengthBelowFive_Malformed(int ihl)
    {
        var frame = FrameBuilder.Ethernet(UdpSpec);
        frame[14] = (byte)(0x40 | ihl);

        Assert.Equal((DecodeStatus.Malformed, default(PacketRecord)), Decode(LinkType.Ethernet, frame));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(19)]
    [InlineData(31)] // below a 32-byte header with options
    public void Decode_TotalLengthBelowHeaderLength_Malformed(int totalLength)
    {
        var frame = FrameBuilder.Ethernet(UdpSpec with { IPv4OptionBytes = 12 });
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), (ushort)totalLength);

        Assert.Equal((DecodeStatus.Malformed, default(PacketRecord)), Decode(LinkType.Ethernet, frame));
    }

    [Fact]
    public void Decode_TotalLengthZero_TakesCapturedLength()
    {
        // Segmentation offload leaves the field zero on locally sent super-packets.
        var frame = FrameBuilder.Ethernet(UdpSpec with { PayloadLength = 3000 });
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(16), 0);

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(new PacketRecord(Ts, Net("10.1.2.3"), Net("192.168.200.9"), 3028, IpProtocol.Udp, 40001, 161, TcpFlags.None, PacketFlags.None, 0), record);
    }

    [Fact]
    public void Decode_SnapLengthCutPayload_KeepsWireLengthFromHeader()
    {
        var frame = FrameBuilder.Ethernet(UdpSpec with { PayloadLength = 1000 });

        var (status, record) = Decode(LinkType.Ethernet, frame.AsSpan(0, 64), Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(1028, record.IpLength);
        Assert.Equal(161, record.DestinationPort);
    }

    [Theory]
    [InlineData(47)]  // GRE
    [InlineData(50)]  // ESP
    [InlineData(4)]   // IP in IP
    [InlineData(255)]
    public void Decode_OtherProtocols_OkWithoutTransportFields(byte protocol)
    {
        var frame = FrameBuilder.Ethernet(UdpSpec with { Protocol = (IpProtocol)protocol, PayloadLength = 24 });

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(new PacketRecord(Ts, Net("10.1.2.3"), Net("192.168.200.9"), 44, (IpProtocol)protocol, 0, 0, TcpFlags.None, PacketFlags.None, 0), record);
    }

    [Fact]
    public void Decode_Sctp_ReadsPorts()
    {
        var frame = FrameBuilder.Ethernet(UdpSpec with { Protocol = IpProtocol.Sctp, PayloadLength = 12 });
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(34), 2905);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(36), 3868);

        var (status, record) = Decode(LinkType.Ethernet, frame, Ts);

        Assert.Equal(DecodeStatus.Ok, status);
        Assert.Equal(new PacketRecord(Ts, Net("10.1.2.3"), Net("192.168.200.9"), 32, IpProtocol.Sctp, 2905, 3868, TcpFlags.None, PacketFlags.None, 0), record);
    }
}
