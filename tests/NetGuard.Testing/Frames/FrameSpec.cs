using System.Net;
using NetGuard.Core.Packets;

namespace NetGuard.Testing.Frames;

/// <summary>What a test wants in a frame; <see cref="FrameBuilder"/> writes the bytes.</summary>
public sealed record FrameSpec
{
    public required IPAddress Source { get; init; }

    public required IPAddress Destination { get; init; }

    public IpProtocol Protocol { get; init; } = IpProtocol.Tcp;

    public ushort SourcePort { get; init; } = 40000;

    public ushort DestinationPort { get; init; } = 80;

    public TcpFlags TcpFlags { get; init; } = TcpFlags.Syn;

    public byte IcmpType { get; init; } = 8;

    public int PayloadLength { get; init; }

    /// <summary>802.1Q tags, outermost first (two for QinQ).</summary>
    public IReadOnlyList<ushort> VlanIds { get; init; } = [];

    public bool MoreFragments { get; init; }

    /// <summary>Fragment offset in 8-byte units; non-zero means a later fragment with no transport header.</summary>
    public ushort FragmentOffset { get; init; }

    /// <summary>IPv6 only: extension headers to put before the transport (0 hop-by-hop, 43 routing, 60 destination options, 44 fragment).</summary>
    public IReadOnlyList<byte> IPv6ExtensionHeaders { get; init; } = [];

    /// <summary>IPv4 options bytes (padded to a multiple of 4).</summary>
    public int IPv4OptionBytes { get; init; }

    public byte Ttl { get; init; } = 64;
}
