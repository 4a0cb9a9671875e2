namespace NetGuard.Enforcers.Linux;

/// <summary>How the iptables enforcer hooks in.</summary>
public sealed record IptablesEnforcerOptions
{
    /// <summary>Also jump to NETGUARD from FORWARD (routers, container hosts); Prepare removes that jump when false.</summary>
    public bool Forward { get; init; }

    /// <summary>Manage ip6tables too; when false, IPv6 targets are refused.</summary>
    public bool IPv6 { get; init; } = true;

    /// <summary>
    /// Block through the ipset sets netguard4/netguard6, matched by one rule per family: one kernel hash
    /// lookup per packet whatever the number of blocks, all changes in one <c>ipset restore</c>, and
    /// per-element timeouts, so blocks expire in the kernel. The factory sets it when ipset is installed.
    /// </summary>
    public bool UseIpset { get; init; }

    /// <summary>Per command.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
