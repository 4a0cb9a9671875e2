using System.Globalization;

namespace NetGuard.Benchmarks.Generation;

/// <summary>What a generator produced, to check the mix against its targets.</summary>
internal sealed class GeneratorStats
{
    public long Packets { get; set; }

    public long Bytes { get; set; }

    public long IPv6 { get; set; }

    public long Vlan { get; set; }

    public long Tcp { get; set; }

    public long Udp { get; set; }

    public long Icmp { get; set; }

    public long Arp { get; set; }

    public long FlowsStarted { get; set; }

    public long FirstMicros { get; set; }

    public long LastMicros { get; set; }

    public override string ToString()
    {
        var n = Math.Max(Packets, 1);
        var span = (LastMicros - FirstMicros) / 1e6;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Packets:N0} packets, {Bytes:N0} frame bytes (avg {(double)Bytes / n:F0} B), {FlowsStarted:N0} flows, " +
            $"IPv6 {100.0 * IPv6 / n:F1}%, VLAN {100.0 * Vlan / n:F1}%, TCP {100.0 * Tcp / n:F1}%, UDP {100.0 * Udp / n:F1}%, " +
            $"ICMP {100.0 * Icmp / n:F1}%, ARP {100.0 * Arp / n:F2}%, {span:F1} s of packet time ({Packets / Math.Max(span, 1e-9):N0} pps)");
    }
}
