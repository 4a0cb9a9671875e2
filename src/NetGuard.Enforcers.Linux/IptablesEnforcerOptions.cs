namespace NetGuard.Enforcers.Linux;

/// <summary>How the iptables enforcer hooks in.</summary>
public sealed record IptablesEnforcerOptions
{
    /// <summary>Also jump to NETGUARD from FORWARD (routers, container hosts); Prepare removes that jump when false.</summary>
    public bool Forward { get; init; }

    /// <summary>Manage ip6tables too; when false, IPv6 targets are refused.</summary>
    public bool IPv6 { get; init; } = true;

    /// <summary>Per command.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
