using Microsoft.Extensions.Configuration;
using NetGuard.Aggregation;
using NetGuard.Alerting.Syslog;
using NetGuard.Core.Capture;
using NetGuard.Detection;
using NetGuard.Hosting.Metrics;
using NetGuard.Remediation;

namespace NetGuard.Configuration;

/// <summary>
/// Every section, bound and validated together: whatever a command uses, a bad key anywhere stops it
/// with one message, as the service's start would.
/// </summary>
internal sealed record NetGuardSettings(
    IConfigurationRoot Configuration,
    CaptureOptions Capture,
    AggregationOptions Aggregation,
    DetectionOptions Detection,
    RemediationOptions Remediation,
    StateOptions State,
    SyslogOptions Syslog,
    MetricsOptions Metrics)
{
    public static NetGuardSettings Load(string? file)
    {
        var configuration = NetGuardConfiguration.Build(file);
        return new NetGuardSettings(
            configuration,
            NetGuardConfiguration.Capture(configuration),
            NetGuardConfiguration.Aggregation(configuration),
            NetGuardConfiguration.Detection(configuration),
            NetGuardConfiguration.Remediation(configuration),
            NetGuardConfiguration.State(configuration),
            NetGuardConfiguration.Syslog(configuration),
            NetGuardConfiguration.Metrics(configuration));
    }
}
