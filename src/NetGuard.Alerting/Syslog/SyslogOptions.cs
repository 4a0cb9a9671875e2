using System.ComponentModel.DataAnnotations;
using Serilog.Events;

namespace NetGuard.Alerting.Syslog;

/// <summary>
/// The syslog sink (<c>NetGuard:Alerts:Syslog</c>). Off unless enabled: under systemd the console
/// already reaches the journal, which also owns <c>/dev/log</c>, so a default-on sink would write
/// every line twice. Enabled with nothing else set, it writes to <c>/dev/log</c> like <c>syslog(3)</c>.
/// </summary>
public sealed class SyslogOptions
{
    /// <summary>The configuration section, under the root of NetGuard's configuration.</summary>
    public const string Section = "NetGuard:Alerts:Syslog";

    /// <summary>The local socket <c>syslog(3)</c> writes to.</summary>
    public const string DevLog = "/dev/log";

    public bool Enabled { get; set; }

    public SyslogTransport Transport { get; set; } = SyslogTransport.Unix;

    /// <summary>Socket path (unix) or host name or address (udp, tcp); empty means <c>/dev/log</c> or <c>127.0.0.1</c>.</summary>
    [StringLength(255)]
    public string? Address { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 514;

    /// <summary>Empty means by transport: RFC 3164 on a local socket (what journald and rsyslog's imuxsock parse), RFC 5424 on the network.</summary>
    public SyslogFormat? Format { get; set; }

    /// <summary><c>daemon</c> by default, the facility systemd gives a service's own output.</summary>
    public SyslogFacility Facility { get; set; } = SyslogFacility.Daemon;

    /// <summary>APP-NAME (RFC 5424) and TAG (RFC 3164).</summary>
    [Required]
    [RegularExpression("^[!-~]{1,48}$", ErrorMessage = "AppName must be 1 to 48 printable ASCII characters without spaces.")]
    public string AppName { get; set; } = "netguard";

    /// <summary>Events below this level are not sent to syslog.</summary>
    public LogEventLevel MinimumLevel { get; set; } = LogEventLevel.Information;

    /// <summary>Unsent events held while the receiver is unreachable; beyond it new events are dropped and counted.</summary>
    [Range(1, 1_000_000)]
    public int BufferEvents { get; set; } = 10_000;

    /// <summary>A longer message is cut at a character boundary (rsyslog's default limit is 8 KiB).</summary>
    [Range(480, 1_048_576)]
    public int MaxMessageBytes { get; set; } = 8192;

    /// <summary>The SD-ID carrying alert fields (RFC 5424 section 7.2.2); 32473 is the documentation enterprise number.</summary>
    [Required]
    public string StructuredDataId { get; set; } = "netguard@32473";

    /// <summary>How long disposal waits for buffered events to go out before dropping (and counting) the rest.</summary>
    [DurationRange("00:00:00", "00:05:00")]
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First delay before reconnecting; it doubles (with jitter) up to <see cref="MaxReconnectDelay"/>.</summary>
    [DurationRange("00:00:00.001", "00:10:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    [DurationRange("00:00:00.001", "01:00:00")]
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound on one connect-and-send attempt, so a black-holed receiver cannot stall the sender.</summary>
    [DurationRange("00:00:00.001", "00:10:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(5);

    internal string EffectiveAddress =>
        !string.IsNullOrWhiteSpace(Address) ? Address : Transport == SyslogTransport.Unix ? DevLog : "127.0.0.1";

    internal SyslogFormat EffectiveFormat =>
        Format ?? (Transport == SyslogTransport.Unix ? SyslogFormat.Rfc3164 : SyslogFormat.Rfc5424);
}
