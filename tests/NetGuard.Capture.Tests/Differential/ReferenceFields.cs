using NetGuard.Core.Packets;

namespace NetGuard.Capture.Tests.Differential;

/// <summary>
/// What PacketDotNet extracted from one frame, in the decoder's terms. A null field is one
/// PacketDotNet did not provide, so there is nothing to compare it with.
/// </summary>
internal sealed record ReferenceFields(
    NetAddress Source,
    NetAddress Destination,
    IpProtocol Protocol,
    bool IsIPv6,
    bool Fragment,
    ushort? SourcePort,
    ushort? DestinationPort,
    TcpFlags? TcpFlags,
    byte? IcmpType,
    bool FragmentHeaderAfterAnotherExtension);
