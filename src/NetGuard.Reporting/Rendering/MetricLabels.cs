namespace NetGuard.Reporting.Rendering;

/// <summary>What detection's metric names mean to an operator, with their unit; an unknown name is shown as it is.</summary>
internal static class MetricLabels
{
    private static readonly Dictionary<string, (string Title, string Unit)> Known = new(StringComparer.Ordinal)
    {
        ["out.packets"] = ("packets sent", "packets/s"),
        ["out.bytes"] = ("bytes sent", "bytes/s"),
        ["out.syn"] = ("TCP SYN sent", "SYN/s"),
        ["out.udp"] = ("UDP packets sent", "packets/s"),
        ["out.icmp"] = ("ICMP requests sent", "packets/s"),
        ["out.new_flows"] = ("new flows opened", "flows/s"),
        ["out.ports"] = ("distinct destination ports of new flows", "ports/s"),
        ["out.peers"] = ("distinct peers contacted", "peers/s"),
        ["in.packets"] = ("packets received", "packets/s"),
        ["in.bytes"] = ("bytes received", "bytes/s"),
        ["in.syn"] = ("TCP SYN received", "SYN/s"),
        ["in.udp"] = ("UDP packets received", "packets/s"),
        ["in.icmp"] = ("ICMP requests received", "packets/s"),
        ["in.peers"] = ("distinct sources", "sources/s"),
    };

    public static (string Title, string Unit) Describe(string metric) =>
        Known.TryGetValue(metric, out var label) ? label : (metric, "per second");
}
