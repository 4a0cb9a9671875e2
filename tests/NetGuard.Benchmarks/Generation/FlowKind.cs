namespace NetGuard.Benchmarks.Generation;

/// <summary>The kind of conversation a flow slot holds; it decides sizes, directions and length.</summary>
internal enum FlowKind : byte
{
    /// <summary>A download: full-size segments from the server, pure ACKs back.</summary>
    TcpBulk,

    /// <summary>Web-like request and response traffic.</summary>
    TcpInteractive,

    /// <summary>Small request and answer datagrams: DNS, NTP, syslog.</summary>
    UdpSmall,

    /// <summary>QUIC or media: mostly large datagrams from the server.</summary>
    UdpStream,

    /// <summary>Echo requests and replies.</summary>
    Icmp,
}
