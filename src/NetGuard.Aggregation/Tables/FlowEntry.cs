using System.Runtime.InteropServices;
using NetGuard.Core.Packets;

namespace NetGuard.Aggregation.Tables;

/// <summary>A bidirectional flow: endpoints in canonical order (lower address/port first).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FlowEntry
{
    public NetAddress AddressA;
    public NetAddress AddressB;
    public long FirstMicros;
    public long LastMicros;
    public long Packets;
    public long Bytes;
    public ushort PortA;
    public ushort PortB;
    public IpProtocol Protocol;
    public bool InitiatorIsA;

    /// <summary>Next entry in the same hash chain, plus one (0 ends the chain).</summary>
    public int ChainNext;
    public int LruPrev;
    public int LruNext;
    public int Bucket;
}
