namespace NetGuard.Core.Packets;

/// <summary>pcap LINKTYPE_ values that the decoder understands.</summary>
public enum LinkType
{
    /// <summary>BSD loopback: a 4-byte address family in the capturing host's byte order.</summary>
    Null = 0,
    Ethernet = 1,

    /// <summary>DLT_RAW as OpenBSD numbers it.</summary>
    RawOpenBsd = 14,

    /// <summary>DLT_RAW as some other systems number it.</summary>
    RawLegacy = 12,
    Raw = 101,
    LinuxSll = 113,

    /// <summary>OpenBSD loopback: like <see cref="Null"/> but the family is in network order.</summary>
    Loop = 108,
    IPv4 = 228,
    IPv6 = 229,
    LinuxSll2 = 276,
}
