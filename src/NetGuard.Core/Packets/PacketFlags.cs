namespace NetGuard.Core.Packets;

/// <summary>Facts about a decoded packet that are not fields of its headers.</summary>
[Flags]
public enum PacketFlags : byte
{
    None = 0,
    IPv6 = 0x01,

    /// <summary>Part of a fragmented datagram (IPv4 MF or offset, or an IPv6 fragment header).</summary>
    Fragment = 0x02,

    /// <summary>A fragment other than the first: it carries no transport header, so ports are zero.</summary>
    LaterFragment = 0x04,

    /// <summary>At least one 802.1Q/802.1ad tag was removed.</summary>
    Vlan = 0x08,
}
