using System.Text.Json;
using NetGuard.Core.Statistics;

namespace NetGuard.Replay;

/// <summary>Writes every host of every second as a <c>host-second</c> line (replay --stats).</summary>
internal sealed class HostSecondJsonSink(JsonLines output) : ISecondSink
{
    public void OnSecond(SecondSnapshot snapshot)
    {
        var time = JsonLines.Time(snapshot.Second * 1_000_000);
        foreach (ref readonly var host in snapshot.Hosts)
        {
            var w = output.Begin("host-second");
            w.WriteString("time", time);
            w.WriteString("host", host.Host.ToString());
            WriteDirection(w, "in", host.In);
            WriteDirection(w, "out", host.Out);
            w.WriteNumber("few_packet_sources", host.FewPacketSources);
            w.WriteNumber("few_packet_share", Math.Round(host.FewPacketSourceShare, 4));
            if (host.TopDestinationPackets > 0)
            {
                w.WriteString("top_destination", host.TopDestination.ToString());
                w.WriteNumber("top_destination_packets", host.TopDestinationPackets);
            }

            if (host.TopSourcePackets > 0)
            {
                w.WriteString("top_source", host.TopSource.ToString());
                w.WriteNumber("top_source_packets", host.TopSourcePackets);
            }
            output.End();
        }
    }

    private static void WriteDirection(Utf8JsonWriter w, string name, in DirectionCounters c)
    {
        w.WriteStartObject(name);
        w.WriteNumber("packets", c.Packets);
        w.WriteNumber("bytes", c.Bytes);
        w.WriteNumber("syn", c.Syn);
        w.WriteNumber("syn_ack", c.SynAck);
        w.WriteNumber("rst", c.Rst);
        w.WriteNumber("fin", c.Fin);
        w.WriteNumber("udp", c.Udp);
        w.WriteNumber("icmp", c.Icmp);
        w.WriteNumber("fragments", c.Fragments);
        w.WriteNumber("new_flows", c.NewFlows);
        w.WriteNumber("peers", c.DistinctPeers);
        w.WriteNumber("ports", c.DistinctPorts);
        w.WriteEndObject();
    }
}
