using System.ComponentModel.DataAnnotations;
using NetGuard.Core.Remediation;

namespace NetGuard.Remediation;

/// <summary>Configuration section <c>NetGuard:Remediation</c>.</summary>
public sealed class RemediationOptions
{
    public const string Section = "NetGuard:Remediation";

    /// <summary>Monitor (alerts only), Approve (proposals wait for an operator) or Auto (blocks apply at once with a TTL).</summary>
    public RemediationMode Mode { get; set; } = RemediationMode.Monitor;

    /// <summary>Per attack kind ("syn-flood": "Auto"), overriding <see cref="Mode"/>.</summary>
    public IDictionary<string, RemediationMode> KindModes { get; private set; } = new Dictionary<string, RemediationMode>();

    /// <summary>nftables, iptables, windows or dryrun.</summary>
    [Required]
    [RegularExpression("^(nftables|iptables|windows|dryrun)$", ErrorMessage = "expected nftables, iptables, windows or dryrun")]
    public string Enforcer { get; set; } = "dryrun";

    public TimeSpan DefaultTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Repeat offenders get the TTL times <see cref="RepeatOffenderFactor"/> per earlier block, up to this.</summary>
    public TimeSpan MaxTtl { get; set; } = TimeSpan.FromDays(1);

    [Range(1.0, 100.0)]
    public double RepeatOffenderFactor { get; set; } = 2;

    /// <summary>Addresses and prefixes never blocked, on top of loopback, link-local, multicast, the host's own addresses, gateways and DNS resolvers.</summary>
    public IList<string> Allowlist { get; init; } = [];

    [Range(1, 1_000_000)]
    public int MaxActiveBlocks { get; set; } = 1000;

    /// <summary>New blocks a minute; past it, NetGuard falls back to proposing and raises an alert.</summary>
    [Range(1, 100_000)]
    public int MaxNewBlocksPerMinute { get; set; } = 30;

    /// <summary>The widest prefix a block may name (IPv4 /24, IPv6 /64 by default).</summary>
    [Range(0, 32)]
    public int MinPrefixLengthIPv4 { get; set; } = 24;

    [Range(0, 128)]
    public int MinPrefixLengthIPv6 { get; set; } = 64;

    /// <summary>After a rollback the same target is not proposed again for this long.</summary>
    public TimeSpan RollbackSuppression { get; set; } = TimeSpan.FromHours(1);

    [Required]
    public string DecisionsFile { get; set; } = OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "NetGuard", "decisions.json")
        : "/etc/netguard/decisions.json";

    /// <summary>How often the firewall is compared with the journal and drift repaired.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>One firewall call may take this long before it is abandoned (and retried).</summary>
    public TimeSpan EnforcerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(0, 10)]
    public int EnforcerRetries { get; set; } = 3;

    /// <summary>
    /// The absolute directory the firewall tools (nft; iptables, ip6tables and their -restore; netsh) are
    /// run from; empty looks them up on PATH. Pins the tools for a hardened service, or points at wrappers.
    /// </summary>
    [StringLength(4096)]
    public string ToolDirectory { get; set; } = "";

    /// <summary>
    /// iptables enforcer: block through the ipset sets netguard4/netguard6 when the ipset tool is
    /// installed (one lookup per packet at any scale, kernel timeouts); false keeps one rule per block.
    /// </summary>
    public bool Ipset { get; set; } = true;

    /// <summary>A copy in which Monitor (global or per kind) reads as <paramref name="mode"/>; every other setting is kept.</summary>
    public RemediationOptions WithMonitorAs(RemediationMode mode)
    {
        var copy = (RemediationOptions)MemberwiseClone();
        copy.Mode = Mode == RemediationMode.Monitor ? mode : Mode;
        copy.KindModes = KindModes.ToDictionary(kv => kv.Key, kv => kv.Value == RemediationMode.Monitor ? mode : kv.Value);
        return copy;
    }

    public RemediationMode ModeFor(string kind) =>
        KindModes.TryGetValue(kind, out var mode) ? mode : Mode;
}
