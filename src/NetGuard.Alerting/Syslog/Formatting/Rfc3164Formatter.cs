using System.Globalization;
using System.Net;
using System.Text;
using Serilog.Events;

namespace NetGuard.Alerting.Syslog.Formatting;

/// <summary>
/// RFC 3164: <c>&lt;PRI&gt;Mmm dd hh:mm:ss HOSTNAME TAG[PID]: MSG</c>, local time. On a local socket
/// the hostname is left out, as <c>syslog(3)</c> does, because journald and rsyslog's imuxsock read
/// the word after the timestamp as the tag. No structured data: the alert fields are in MSG's text.
/// </summary>
internal sealed class Rfc3164Formatter : ISyslogFormatter
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private readonly SyslogFacility _facility;
    private readonly string _hostTagPid;
    private readonly TimeZoneInfo _timeZone;
    private readonly int _maxBytes;

    /// <param name="hostName">Null on a local socket; otherwise shortened to the host part (RFC 3164 section 4.1.2).</param>
    public Rfc3164Formatter(SyslogFacility facility, string? hostName, string appName, int processId, TimeZoneInfo timeZone, int maxBytes)
    {
        _facility = facility;
        var tag = SyslogText.HeaderField(appName, 32) + "[" + processId.ToString(CultureInfo.InvariantCulture) + "]: ";
        _hostTagPid = hostName is null ? tag : SyslogText.HeaderField(ShortName(hostName), 255) + " " + tag;
        _timeZone = timeZone;
        _maxBytes = maxBytes;
    }

    public byte[] Format(LogEvent logEvent)
    {
        var time = TimeZoneInfo.ConvertTime(logEvent.Timestamp, _timeZone);
        var text = new StringBuilder(256)
            .Append('<').Append(SyslogSeverity.Priority(_facility, logEvent.Level)).Append('>')
            .Append(Months[time.Month - 1]).Append(' ')
            .Append(time.Day < 10 ? " " : "").Append(time.Day.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(time.ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Append(' ')
            .Append(_hostTagPid)
            .Append(MessageRenderer.Render(logEvent))
            .ToString();
        var buffer = Encoding.UTF8.GetBytes(text);
        var length = SyslogText.TruncatedLength(buffer, _maxBytes);
        return length == buffer.Length ? buffer : buffer[..length];
    }

    private static string ShortName(string hostName) =>
        IPAddress.TryParse(hostName, out _) || hostName.IndexOf('.', StringComparison.Ordinal) <= 0
            ? hostName
            : hostName[..hostName.IndexOf('.', StringComparison.Ordinal)];
}
