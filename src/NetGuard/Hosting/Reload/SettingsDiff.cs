using System.Text.Json;
using NetGuard.Configuration;
using NetGuard.Detection;
using NetGuard.Remediation;

namespace NetGuard.Hosting.Reload;

/// <summary>
/// Which keys differ between two configurations, split into those the daemon takes at run time
/// (detection settings, remediation modes, allowlist, TTLs, caps) and those that need a restart.
/// </summary>
internal static class SettingsDiff
{
    /// <summary>Keys read once at start: they size tables, open devices and sockets, or build the enforcer.</summary>
    private static readonly HashSet<string> RestartOnly = new(StringComparer.Ordinal)
    {
        $"{DetectionOptions.Section}:{nameof(DetectionOptions.MaxTrackedHosts)}",
        $"{RemediationOptions.Section}:{nameof(RemediationOptions.Enforcer)}",
        $"{RemediationOptions.Section}:{nameof(RemediationOptions.DecisionsFile)}",
        $"{RemediationOptions.Section}:{nameof(RemediationOptions.ReconcileInterval)}",
        $"{RemediationOptions.Section}:{nameof(RemediationOptions.EnforcerTimeout)}",
        $"{RemediationOptions.Section}:{nameof(RemediationOptions.EnforcerRetries)}",
    };

    /// <summary>Changed keys the daemon applies at run time.</summary>
    public static IReadOnlyList<string> RunTime(NetGuardSettings from, NetGuardSettings to) =>
        [.. Changed(DetectionOptions.Section, from.Detection, to.Detection).Concat(Changed(RemediationOptions.Section, from.Remediation, to.Remediation)).Where(k => !RestartOnly.Contains(k))];

    /// <summary>Changed keys that keep their running value until netguard restarts.</summary>
    public static IReadOnlyList<string> NeedRestart(NetGuardSettings from, NetGuardSettings to) =>
    [
        .. Changed(Core.Capture.CaptureOptions.Section, from.Capture, to.Capture),
        .. Changed(Aggregation.AggregationOptions.Section, from.Aggregation, to.Aggregation),
        .. Changed(DetectionOptions.Section, from.Detection, to.Detection).Where(RestartOnly.Contains),
        .. Changed(RemediationOptions.Section, from.Remediation, to.Remediation).Where(RestartOnly.Contains),
        .. Changed(StateOptions.Section, from.State, to.State),
        .. Changed("NetGuard:Alerts:Syslog", from.Syslog, to.Syslog),
        .. Changed(Metrics.MetricsOptions.Section, from.Metrics, to.Metrics),
    ];

    private static IEnumerable<string> Changed<T>(string section, T from, T to)
    {
        foreach (var property in typeof(T).GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            if (JsonSerializer.Serialize(property.GetValue(from)) != JsonSerializer.Serialize(property.GetValue(to)))
            {
                yield return $"{section}:{property.Name}";
            }
        }
    }
}
