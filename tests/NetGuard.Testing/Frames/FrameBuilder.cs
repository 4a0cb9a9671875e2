using System.Buffers.Binary;
using System.Net.Sockets;
using NetGuard.Core.Packets;

namespace NetGuard.Testing.Frames;

/// <summary>
/// Writes Ethernet frames by hand (independently of both decoders under test), with correct IPv4
/// header and TCP/UDP/ICMP checksums so that real tools and kernels accept them.
/// </summary>
public static partial class FrameBuilder
{
    private static readonly byte[] DestinationMac = [0x02, 0x00, 0x00, 0x00, 0x00, 0x02];
    private static readonly byte[] SourceMac = [0x02, 0x00, 0x00, 0x00, 0x00, 0x01];

    /// <summary>Builds an Ethernet frame.</summary>
    public static byte[] Ethernet(FrameSpec spec)
    {
        var buffer = new byte[MaxLength(spec)];
        var length = WriteEthernet(buffer, spec);
        return buffer[..length];
    }

    /// <summary>Builds the IP packet alone (for raw-IP and cooked link types).</summary>
    public static byte[] IpPacket(FrameSpec spec)
    {
        var buffer = new byte[MaxLength(spec)];
        var length = WriteIp(buffer, spec);
        return buffer[..length];
    }

    public static int MaxLength(FrameSpec spec) => 14 + (4 * spec.VlanIds.Count) + 60 + 40 + (8 * 8 * spec.IPv6ExtensionHeaders.Count) + 60 + spec.PayloadLength + spec.IPv4OptionBytes;

    public static int WriteEthernet(Span<byte> buffer, FrameSpec spec)
    {
        DestinationMac.CopyTo(buffer);
        SourceMac.CopyTo(buffer[6..]);
        var offset = 12;
        foreach (var vlan in spec.VlanIds)
        {
            BinaryPrimitives.WriteUInt16BigEndian(buffer[offset..], 0x8100);
            BinaryPrimitives.WriteUInt16BigEndian(buffer[(offset + 2)..], vlan);
            offset += 4;
        }

        var v6 = spec.Source.AddressFamily == AddressFamily.InterNetworkV6;
        BinaryPrimitives.WriteUInt16BigEndian(buffer[offset..], v6 ? (ushort)0x86DD : (ushort)0x0800);
        offset += 2;
        return offset + WriteIp(buffer[offset..], spec);
    }

    public static int WriteIp(Span<byte> buffer, FrameSpec spec) =>
        spec.Source.AddressFamily == AddressFamily.InterNetworkV6 ? WriteIPv6(buffer, spec) : WriteIPv4(buffer, spec);

    private static int WriteIPv4(Span<byte> buffer, FrameSpec spec)
    {
        var options = (spec.IPv4OptionBytes + 3) & ~3;
        var headerLength = 20 + options;
        var later = spec.FragmentOffset != 0;
        var transportLength = later ? spec.PayloadLength : WriteTransport(buffer[headerLength..], spec, pseudoSum: 0, pseudoLength: 0, dryRun: true);
        var total = headerLength + transportLength;
        var ip = buffer[..headerLength];
        ip.Clear();
        ip[0] = (byte)(0x40 | (headerLength / 4));
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)total);
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], 0x1234);
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], (ushort)((spec.MoreFragments ? 0x2000 : 0) | spec.FragmentOffset));
        ip[8] = spec.Ttl;
        ip[9] = (byte)spec.Protocol;
        spec.Source.TryWriteBytes(ip[12..], out _);
        spec.Destination.TryWriteBytes(ip[16..], out _);
        for (var i = 20; i < headerLength; i++)
        {
            ip[i] = 1; // NOP options
        }

        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Checksum.Fold(Checksum.Sum(ip)));
        if (later)
        {
            buffer.Slice(headerLength, spec.PayloadLength).Fill(0xAB);
            return total;
        }

        var pseudo = Checksum.Sum(ip.Slice(12, 8)) + (uint)spec.Protocol + (uint)transportLength;
        WriteTransport(buffer[headerLength..], spec, pseudo, transportLength, dryRun: false);
        return total;
    }

    private static int WriteIPv6(Span<byte> buffer, FrameSpec spec)
    {
        var ip = buffer[..40];
        ip.Clear();
        ip[0] = 0x60;
        var offset = 40;
        var next = (byte)spec.Protocol;
        var later = false;

        // Extension headers, chained in the order given.
        var headers = spec.IPv6ExtensionHeaders;
        for (var i = 0; i < headers.Count; i++)
        {
            var following = i + 1 < headers.Count ? headers[i + 1] : (byte)spec.Protocol;
            var h = buffer[offset..];
            h[..8].Clear();
            h[0] = following;
            if (headers[i] == 44)
            {
                BinaryPrimitives.WriteUInt16BigEndian(h[2..], (ushort)((spec.FragmentOffset << 3) | (spec.MoreFragments ? 1 : 0)));
                BinaryPrimitives.WriteUInt32BigEndian(h[4..], 0xCAFE);
                later = spec.FragmentOffset != 0;
            }
            else
            {
                h[1] = 0; // 8 bytes: padding options only
                h[2] = 1; // PadN
                h[3] = 4;
            }

            offset += 8;
        }

        ip[6] = headers.Count > 0 ? headers[0] : next;
        ip[7] = spec.Ttl;
        spec.Source.TryWriteBytes(ip[8..], out _);
        spec.Destination.TryWriteBytes(ip[24..], out _);
        int transportLength;
        if (later)
        {
            transportLength = spec.PayloadLength;
            buffer.Slice(offset, transportLength).Fill(0xAB);
        }
        else
        {
            transportLength = WriteTransport(buffer[offset..], spec, 0, 0, dryRun: true);
            var pseudo = Checksum.Sum(ip.Slice(8, 32)) + (uint)spec.Protocol + (uint)transportLength;
            WriteTransport(buffer[offset..], spec, pseudo, transportLength, dryRun: false);
        }

        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)(offset - 40 + transportLength));
        return offset + transportLength;
    }
}
