using System.Text;

namespace NetGuard.Alerting.Syslog.Formatting;

/// <summary>Header field sanitising and UTF-8 byte handling shared by both formats.</summary>
internal static class SyslogText
{
    /// <summary>A header field: printable US-ASCII without spaces, at most <paramref name="maxLength"/> long, "-" (NILVALUE) when empty.</summary>
    public static string HeaderField(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        foreach (var c in value)
        {
            if (builder.Length == maxLength)
            {
                break;
            }

            builder.Append(c is >= '!' and <= '~' ? c : '_');
        }

        return builder.ToString();
    }

    public static bool IsAscii(string value) => Ascii.IsValid(value);

    /// <summary>The largest length not above <paramref name="max"/> that ends on a UTF-8 character boundary.</summary>
    public static int TruncatedLength(ReadOnlySpan<byte> utf8, int max)
    {
        if (utf8.Length <= max)
        {
            return utf8.Length;
        }

        var cut = max;
        while (cut > 0 && (utf8[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return cut;
    }
}
