using System.Globalization;

namespace NetGuard.Alerting.Syslog.Transports;

/// <summary>RFC 6587 section 3.4.1 framing: <c>MSG-LEN SP SYSLOG-MSG</c>, the length in octets as ASCII decimal.</summary>
internal static class OctetCounting
{
    public static byte[] Frame(ReadOnlySpan<byte> message)
    {
        Span<byte> prefix = stackalloc byte[12];
        message.Length.TryFormat(prefix, out var digits, default, CultureInfo.InvariantCulture);
        prefix[digits++] = (byte)' ';
        var frame = new byte[digits + message.Length];
        prefix[..digits].CopyTo(frame);
        message.CopyTo(frame.AsSpan(digits));
        return frame;
    }
}
