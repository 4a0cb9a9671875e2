using System.Net.NetworkInformation;
using System.Net.Sockets;
using NetGuard.Core.Packets;

namespace NetGuard.Remediation.Guards;

/// <summary>
/// What no block may touch: the configured allowlist plus loopback, link-local, multicast,
/// broadcast, unspecified, every address of this host, its default gateways and its DNS resolvers.
/// A block is refused when its target overlaps any of these (a /24 holding the gateway included).
/// </summary>
internal sealed class ProtectedNetworks
{
    private static readonly NetPrefix[] Always =
    [
        NetPrefix.Parse("127.0.0.0/8"), NetPrefix.Parse("::1/128"), NetPrefix.Parse("169.254.0.0/16"), NetPrefix.Parse("fe80::/10"),
        NetPrefix.Parse("224.0.0.0/4"), NetPrefix.Parse("ff00::/8"), NetPrefix.Parse("255.255.255.255/32"), NetPrefix.Parse("0.0.0.0/32"), NetPrefix.Parse("::/128"),
    ];

    private ProtectedNetworks(IReadOnlyList<(NetPrefix Prefix, string Why)> entries, bool includesHost)
    {
        Entries = entries;
        IncludesHost = includesHost;
    }

    public IReadOnlyList<(NetPrefix Prefix, string Why)> Entries { get; }

    /// <summary>This host's own addresses, gateways and resolvers are in <see cref="Entries"/>.</summary>
    public bool IncludesHost { get; }

    /// <summary>Builds the list from the allowlist and, unless <paramref name="includeHost"/> is false (replay of another network's capture), this host's own addresses.</summary>
    public static ProtectedNetworks Build(IEnumerable<string> allowlist, bool includeHost)
    {
        var entries = new List<(NetPrefix, string)>();
        entries.AddRange(Always.Select(p => (p, "reserved")));
        foreach (var text in allowlist)
        {
            entries.Add((NetPrefix.TryParse(text, out var prefix) ? prefix : throw new FormatException($"allowlist entry '{text}' is not an address or prefix"), "allowlist"));
        }

        if (includeHost)
        {
            AddHost(entries);
        }

        return new ProtectedNetworks(entries, includeHost);
    }

    /// <summary>The reason <paramref name="target"/> must not be blocked, or null when it may be.</summary>
    public string? Why(NetPrefix target)
    {
        foreach (var (prefix, why) in Entries)
        {
            if (Overlaps(prefix, target))
            {
                return $"{target} overlaps {prefix} ({why})";
            }
        }

        return null;
    }

    private static bool Overlaps(NetPrefix a, NetPrefix b) =>
        a.IsIPv4 == b.IsIPv4 && (a.Length <= b.Length ? a.Contains(b.Network) : b.Contains(a.Network));

    private static void AddHost(List<(NetPrefix, string)> entries)
    {
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            IPInterfaceProperties properties;
            try
            {
                properties = nic.GetIPProperties();
            }
            catch (NetworkInformationException)
            {
                continue;
            }

            foreach (var unicast in properties.UnicastAddresses)
            {
                Add(entries, unicast.Address, $"address of {nic.Name}");
            }

            foreach (var gateway in properties.GatewayAddresses)
            {
                Add(entries, gateway.Address, $"gateway on {nic.Name}");
            }

            foreach (var dns in properties.DnsAddresses)
            {
                Add(entries, dns, "DNS resolver");
            }
        }
    }

    private static void Add(List<(NetPrefix, string)> entries, System.Net.IPAddress address, string why)
    {
        if (address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
        {
            var a = NetAddress.FromIPAddress(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
            entries.Add((new NetPrefix(a, a.IsIPv4 ? 32 : 128), why));
        }
    }
}
