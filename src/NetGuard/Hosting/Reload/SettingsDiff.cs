using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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
        $"{RemediationOptions.Section}:{nameof(RemediationOptions.Ipset)}",
        $"{RemediationOptions.Section}:{nameof(RemediationOptions.ToolDirectory)}",
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

    /// <summary>
    /// The keys whose values differ: both sides are written as JSON (source-generated, so the native
    /// binary needs no reflection) and compared property by property.
    /// </summary>
    private static IEnumerable<string> Changed<T>(string section, T from, T to)
    {
        var info = (JsonTypeInfo<T>)OptionsJsonContext.Default.GetTypeInfo(typeof(T))!;
        var before = JsonSerializer.SerializeToElement(from, info);
        var after = JsonSerializer.SerializeToElement(to, info);
        foreach (var property in before.EnumerateObject())
        {
            if (!after.TryGetProperty(property.Name, out var value) || value.GetRawText() != property.Value.GetRawText())
            {
                yield return $"{section}:{property.Name}";
            }
        }
    }
}

/// <summary>The option types, for <see cref="SettingsDiff"/>'s comparison.</summary>
[JsonSerializable(typeof(Core.Capture.CaptureOptions))]
[JsonSerializable(typeof(Aggregation.AggregationOptions))]
[JsonSerializable(typeof(DetectionOptions))]
[JsonSerializable(typeof(RemediationOptions))]
[JsonSerializable(typeof(StateOptions))]
[JsonSerializable(typeof(Alerting.Syslog.SyslogOptions))]
[JsonSerializable(typeof(Metrics.MetricsOptions))]
internal sealed partial class OptionsJsonContext : JsonSerializerContext;
