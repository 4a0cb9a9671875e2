namespace NetGuard.Hosting.Metrics;

/// <summary>Configuration section <c>NetGuard:Metrics</c>: the Prometheus text endpoint of <c>netguard run</c>.</summary>
internal sealed class MetricsOptions
{
    public const string Section = "NetGuard:Metrics";

    /// <summary>Serve metrics at all; false (or an empty <see cref="Listen"/>) opens no port.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>host:port to listen on: 127.0.0.1:9108, [::1]:9108, localhost:9108, or *:9108 for every address.</summary>
    public string Listen { get; set; } = "127.0.0.1:9108";

    /// <summary>Metrics are served: enabled and a place to listen. A method, not a property, so it is no configuration key.</summary>
    public bool IsOn() => Enabled && !string.IsNullOrWhiteSpace(Listen);
}
