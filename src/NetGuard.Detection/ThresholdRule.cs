using System.ComponentModel.DataAnnotations;

namespace NetGuard.Detection;

/// <summary>One static threshold: hosts in <see cref="Network"/> whose <see cref="Metric"/> reaches <see cref="PerSecond"/> in a second raise an alert.</summary>
public sealed class ThresholdRule
{
    /// <summary>An address or prefix, e.g. "203.0.113.0/24".</summary>
    [Required]
    public string Network { get; set; } = "";

    /// <summary>A metric name as alerts spell it: in.syn, out.udp, in.packets, out.ports, ...</summary>
    [Required]
    public string Metric { get; set; } = "";

    [Range(1.0, double.MaxValue)]
    public double PerSecond { get; set; }
}
