namespace NetGuard.Core.Packets;

/// <summary>IANA protocol numbers NetGuard distinguishes; any other value is kept as its number.</summary>
public enum IpProtocol : byte
{
    HopByHop = 0,
    Icmp = 1,
    Tcp = 6,
    Udp = 17,
    Gre = 47,
    Esp = 50,
    Icmpv6 = 58,
    Sctp = 132,
}
