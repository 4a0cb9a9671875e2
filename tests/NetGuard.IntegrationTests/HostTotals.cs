using System.Text.Json;

namespace NetGuard.IntegrationTests;

/// <summary>A host's counters summed over every second it appears in (live timestamps fall where they fall).</summary>
internal sealed record HostTotals(long Packets, long Bytes, long Syn, long Udp, long Icmp, long Ports, long NewFlows, long InPackets)
{
    public static HostTotals Of(IEnumerable<JsonElement> lines, string host)
    {
        long packets = 0, bytes = 0, syn = 0, udp = 0, icmp = 0, ports = 0, flows = 0, inPackets = 0;
        foreach (var line in lines.Where(l => l.GetProperty("type").GetString() == "host-second" && l.GetProperty("host").GetString() == host))
        {
            var o = line.GetProperty("out");
            packets += o.GetProperty("packets").GetInt64();
            bytes += o.GetProperty("bytes").GetInt64();
            syn += o.GetProperty("syn").GetInt64();
            udp += o.GetProperty("udp").GetInt64();
            icmp += o.GetProperty("icmp").GetInt64();
            ports += o.GetProperty("ports").GetInt64();
            flows += o.GetProperty("new_flows").GetInt64();
            inPackets += line.GetProperty("in").GetProperty("packets").GetInt64();
        }

        return new HostTotals(packets, bytes, syn, udp, icmp, ports, flows, inPackets);
    }
}
