using NetGuard.Core.Packets;
using NetGuard.Testing.Frames;
using static NetGuard.Capture.Tests.Support.Addresses;
using static NetGuard.Capture.Tests.Support.LinkFrames;

namespace NetGuard.Capture.Tests.Decoding;

/// <summary>
/// Every prefix of a valid frame: shorter than the bytes the decoder needs it must say Truncated;
/// from that length on it must return exactly the record of the whole frame (IpLength comes from the header).
/// </summary>
public class TruncationTests
{
    private static readonly FrameSpec Tcp4 = new() { Source = V4Source, Destination = V4Destination, TcpFlags = TcpFlags.Fin | TcpFlags.Ack, PayloadLength = 9 };
    private static readonly FrameSpec Udp6 = Tcp4 with { Source = V6Source, Destination = V6Destination, Protocol = IpProtocol.Udp };

    public static TheoryData<string, LinkType, byte[], int> Frames => new()
    {
        // name, link type, frame, bytes needed: link header + IP header(s) + transport bytes read (TCP 14, UDP 4, ICMP 1)
        { "eth-ipv4-tcp", LinkType.Ethernet, FrameBuilder.Ethernet(Tcp4), 14 + 20 + 14 },
        { "qinq-ipv4-udp", LinkType.Ethernet, FrameBuilder.Ethernet(Tcp4 with { Protocol = IpProtocol.Udp, VlanIds = [5, 6] }), 14 + 8 + 20 + 4 },
        { "eth-ipv4-options-icmp", LinkType.Ethernet, FrameBuilder.Ethernet(Tcp4 with { Protocol = IpProtocol.Icmp, IPv4OptionBytes = 8 }), 14 + 28 + 1 },
        { "eth-ipv4-later-fragment", LinkType.Ethernet, FrameBuilder.Ethernet(Tcp4 with { FragmentOffset = 3, PayloadLength = 30 }), 14 + 20 },
        { "eth-ipv4-gre", LinkType.Ethernet, FrameBuilder.Ethernet(Tcp4 with { Protocol = IpProtocol.Gre, PayloadLength = 30 }), 14 + 20 },
        { "eth-ipv6-udp", LinkType.Ethernet, FrameBuilder.Ethernet(Udp6), 14 + 40 + 4 },
        { "eth-ipv6-ext-tcp", LinkType.Ethernet, FrameBuilder.Ethernet(Udp6 with { Protocol = IpProtocol.Tcp, IPv6ExtensionHeaders = [0, 60, 43] }), 14 + 40 + 24 + 14 },
        { "eth-ipv6-later-fragment", LinkType.Ethernet, FrameBuilder.Ethernet(Udp6 with { IPv6ExtensionHeaders = [0, 44], FragmentOffset = 9 }), 14 + 40 + 16 },
        { "eth-ipv6-icmpv6", LinkType.Ethernet, FrameBuilder.Ethernet(Udp6 with { Protocol = IpProtocol.Icmpv6, IcmpType = 136 }), 14 + 40 + 1 },
        { "sll-ipv4-udp", LinkType.LinuxSll, Sll(FrameBuilder.IpPacket(Tcp4 with { Protocol = IpProtocol.Udp }), 0x0800), 16 + 20 + 4 },
        { "sll2-ipv6-tcp", LinkType.LinuxSll2, Sll2(FrameBuilder.IpPacket(Udp6 with { Protocol = IpProtocol.Tcp }), 0x86DD), 20 + 40 + 14 },
        { "raw-ipv4-tcp", LinkType.Raw, FrameBuilder.IpPacket(Tcp4), 20 + 14 },
        { "ipv4-link-udp", LinkType.IPv4, FrameBuilder.IpPacket(Tcp4 with { Protocol = IpProtocol.Udp }), 20 + 4 },
        { "ipv6-link-udp", LinkType.IPv6, FrameBuilder.IpPacket(Udp6), 40 + 4 },
        { "null-be-ipv6-udp", LinkType.Null, Loopback(FrameBuilder.IpPacket(Udp6), 30, bigEndian: true), 4 + 40 + 4 },
        { "null-le-ipv4-tcp", LinkType.Null, Loopback(FrameBuilder.IpPacket(Tcp4), 2, bigEndian: false), 4 + 20 + 14 },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Decode_EveryPrefix_TruncatedBelowNeededLengthThenTheWholeRecord(string name, LinkType link, byte[] frame, int needed)
    {
        var (fullStatus, full) = Decode(link, frame);
        Assert.Equal(DecodeStatus.Ok, fullStatus);

        for (var length = 0; length < frame.Length; length++)
        {
            var (status, record) = Decode(link, frame.AsSpan(0, length));
            if (length < needed)
            {
                Assert.True(status == DecodeStatus.Truncated, $"{name}: {length} of {frame.Length} bytes gave {status}, not Truncated");
                Assert.Equal(default, record);
            }
            else
            {
                Assert.True(status == DecodeStatus.Ok, $"{name}: {length} of {frame.Length} bytes gave {status}, not Ok");
                Assert.Equal(full, record);
            }
        }
    }
}
