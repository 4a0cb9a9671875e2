using NetGuard.Core.Packets;

namespace NetGuard.Benchmarks.Generation;

/// <summary>
/// One conversation in the synthetic mix. Both directions are kept as header-only templates
/// (built once by FrameBuilder); each packet copies a template and patches lengths, flags and checksums.
/// </summary>
internal sealed class SyntheticFlow
{
    public SyntheticFlow(FlowKind kind, byte[] forward, byte[] reverse, int ipOffset, bool ipv6, IpProtocol protocol, uint pseudoSum, int planned)
    {
        Kind = kind;
        Forward = forward;
        Reverse = reverse;
        IpOffset = ipOffset;
        IPv6 = ipv6;
        Protocol = protocol;
        PseudoSum = pseudoSum;
        Planned = planned;
    }

    public FlowKind Kind { get; }

    /// <summary>Client to server: Ethernet (and VLAN), IP and transport headers, no payload.</summary>
    public byte[] Forward { get; }

    /// <summary>Server to client.</summary>
    public byte[] Reverse { get; }

    public int IpOffset { get; }

    public bool IPv6 { get; }

    public IpProtocol Protocol { get; }

    public bool Vlan => IpOffset > 14;

    /// <summary>Sum of both addresses and the protocol: the length-free part of the pseudo-header (the same either way).</summary>
    public uint PseudoSum { get; }

    /// <summary>Packets of data before the flow closes (TCP adds its handshake and teardown).</summary>
    public int Planned { get; }

    public int Sent { get; set; }

    public uint ClientSequence { get; set; } = 1000;

    public uint ServerSequence { get; set; } = 5000;

    public int TransportOffset => IpOffset + (IPv6 ? 40 : 20);
}
