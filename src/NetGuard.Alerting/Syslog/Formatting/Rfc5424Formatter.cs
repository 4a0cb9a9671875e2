using System.Globalization;
using System.Text;
using Serilog.Events;

namespace NetGuard.Alerting.Syslog.Formatting;

/// <summary>
/// RFC 5424: <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD [SP MSG]</c>. Alerts carry their
/// fields in one SD element and MSGID "alert"; other events have no SD and their event id as MSGID.
/// A MSG with any non-ASCII character is UTF-8 and starts with a BOM (section 6.4); an ASCII MSG
/// goes without one (MSG-ANY), which every receiver shows as is.
/// </summary>
internal sealed class Rfc5424Formatter : ISyslogFormatter
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly SyslogFacility _facility;
    private readonly string _hostAppProc;
    private readonly string _sdId;
    private readonly int _maxBytes;

    public Rfc5424Formatter(SyslogFacility facility, string? hostName, string appName, int processId, string sdId, int maxBytes)
    {
        _facility = facility;
        _hostAppProc = SyslogText.HeaderField(hostName, 255) + " " + SyslogText.HeaderField(appName, 48) + " "
            + processId.ToString(CultureInfo.InvariantCulture);
        _sdId = sdId;
        _maxBytes = maxBytes;
    }

    public byte[] Format(LogEvent logEvent)
    {
        var alert = AlertFields.IsAlert(logEvent);
        var header = new StringBuilder(320)
            .Append('<').Append(SyslogSeverity.Priority(_facility, logEvent.Level)).Append(">1 ")
            .Append(logEvent.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture))
            .Append(' ').Append(_hostAppProc)
            .Append(' ').Append(alert ? "alert" : MessageId(logEvent)).Append(' ');
        var withoutSd = header.Length;
        if (alert)
        {
            AlertFields.AppendElement(header, _sdId, logEvent);
        }
        else
        {
            header.Append('-');
        }

        if (Encoding.UTF8.GetByteCount(header.ToString()) + 1 > _maxBytes)
        {
            // Structured data cut in the middle would be malformed: send none rather than half.
            header.Length = withoutSd;
            header.Append('-');
        }

        return Assemble(header.ToString(), MessageRenderer.Render(logEvent));
    }

    private byte[] Assemble(string header, string message)
    {
        var bom = message.Length > 0 && !SyslogText.IsAscii(message);
        var size = Encoding.UTF8.GetByteCount(header)
            + (message.Length > 0 ? 1 + (bom ? Bom.Length : 0) + Encoding.UTF8.GetByteCount(message) : 0);
        var buffer = new byte[size];
        var written = Encoding.UTF8.GetBytes(header, buffer);
        if (message.Length > 0)
        {
            buffer[written++] = (byte)' ';
            if (bom)
            {
                Bom.CopyTo(buffer, written);
                written += Bom.Length;
            }

            Encoding.UTF8.GetBytes(message, buffer.AsSpan(written));
        }

        var length = SyslogText.TruncatedLength(buffer, _maxBytes);
        return length == buffer.Length ? buffer : buffer[..length];
    }

    /// <summary>The Microsoft.Extensions.Logging event id (a structure with Id, or a number) or NILVALUE.</summary>
    private static string MessageId(LogEvent logEvent)
    {
        if (!logEvent.Properties.TryGetValue("EventId", out var value))
        {
            return "-";
        }

        var id = value switch
        {
            StructureValue structure => structure.Properties.FirstOrDefault(p => p.Name == "Id")?.Value as ScalarValue,
            ScalarValue scalar => scalar,
            _ => null,
        };
        return id?.Value is IFormattable number
            ? SyslogText.HeaderField(number.ToString(null, CultureInfo.InvariantCulture), 32)
            : "-";
    }
}
