using System.Globalization;
using NetGuard.Core.Detection;
using NetGuard.Core.Packets;

namespace NetGuard.Replay;

/// <summary>
/// Until the decision engine (issue 4) owns this: proposes blocking the source of single-attacker
/// kinds, once per source, never for addresses that must not be blocked (loopback, link-local,
/// multicast, broadcast, unspecified) and never for distributed floods or plain volume.
/// </summary>
internal sealed class BlockProposer(TimeSpan ttl)
{
    private readonly HashSet<NetAddress> _proposed = [];
    private int _sequence;

    public ProposedBlock? Propose(Anomaly anomaly)
    {
        if (!anomaly.Kind.BlocksSource() || anomaly.Role != SubjectRole.Source || Protected(anomaly.Subject) || !_proposed.Add(anomaly.Subject))
        {
            return null;
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"ng-{anomaly.TimeMicros / 1_000_000:x}-{++_sequence:D4}");
        var peer = anomaly.Peer is { } p ? $" toward {p}" : "";
        var reason = string.Create(CultureInfo.InvariantCulture, $"{anomaly.Kind.Name()}{peer}: {anomaly.Metric} {anomaly.Value:0.##}/s (baseline {anomaly.Baseline:0.##}, {anomaly.Detector})");
        return new ProposedBlock(anomaly.TimeMicros, id, anomaly.Subject.ToString(), reason, (long)ttl.TotalSeconds);
    }

    /// <summary>Addresses no block may ever name, whatever a detector says.</summary>
    internal static bool Protected(in NetAddress address)
    {
        var ip = address.ToIPAddress();
        if (System.Net.IPAddress.IsLoopback(ip) || ip.IsIPv6LinkLocal || ip.IsIPv6Multicast || ip.Equals(System.Net.IPAddress.IPv6Any))
        {
            return true;
        }

        if (!address.IsIPv4)
        {
            return false;
        }

        var v = address.IPv4Value;
        return v == 0 || v == 0xFFFFFFFF || (v >> 28) == 0xE || (v >> 16) == 0xA9FE;
    }
}

/// <summary>A block the replay proposes.</summary>
internal sealed record ProposedBlock(long TimeMicros, string Id, string Target, string Reason, long TtlSeconds);
