using System.Runtime.InteropServices;
using NetGuard.Core.Packets;

namespace NetGuard.Aggregation.Tables;

/// <summary>
/// A bidirectional flow: endpoints in canonical order (lower address/port first). 64 bytes, one
/// cache line's worth, with the fields a lookup compares at the front.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 64)]
internal struct FlowEntry
{
    [FieldOffset(0)]
    public NetAddress AddressA;

    [FieldOffset(16)]
    public NetAddress AddressB;

    [FieldOffset(32)]
    public ushort PortA;

    [FieldOffset(34)]
    public ushort PortB;

    [FieldOffset(36)]
    public IpProtocol Protocol;

    /// <summary>On a free entry: the next free entry, plus one (0 ends the list).</summary>
    [FieldOffset(40)]
    public int NextFree;

    [FieldOffset(44)]
    public int LruPrev;

    [FieldOffset(48)]
    public long LastMicros;

    [FieldOffset(56)]
    public int LruNext;

    /// <summary>When the flow (or its current split) began: seconds after the table's first packet.</summary>
    [FieldOffset(60)]
    public int FirstSecond;
}
