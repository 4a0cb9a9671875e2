using NetGuard.Core.Packets;

namespace NetGuard.Reporting.Recording;

/// <summary>A talker's bytes (an upper bound, at most <see cref="Overestimate"/> too high) and the packets counted since it got its counter.</summary>
internal record struct Talker(NetAddress Host, long Bytes, long Packets, long Overestimate);
