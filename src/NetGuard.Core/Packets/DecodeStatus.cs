namespace NetGuard.Core.Packets;

/// <summary>What the decoder made of one frame. Only <see cref="Ok"/> yields a record.</summary>
public enum DecodeStatus : byte
{
    Ok = 0,

    /// <summary>A well-formed frame that does not carry IP (ARP, LLDP, STP, ...): counted, not an error.</summary>
    NotIp,

    /// <summary>The capture holds fewer bytes than the headers need.</summary>
    Truncated,

    /// <summary>A header field that cannot be right (IP version, header length, ...).</summary>
    Malformed,

    /// <summary>The capture's link type is not one the decoder knows.</summary>
    UnsupportedLinkType,
}
