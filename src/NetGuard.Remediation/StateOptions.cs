namespace NetGuard.Remediation;

/// <summary>Configuration section <c>NetGuard:State</c>: where the decision journal lives.</summary>
public sealed class StateOptions
{
    public const string Section = "NetGuard:State";

    public string Directory { get; set; } = OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "NetGuard", "state")
        : "/var/lib/netguard";
}
