using System.Text;

namespace NetGuard.Alerting.Syslog.Formatting;

/// <summary>RFC 5424 section 6.3: SD-NAME rules and PARAM-VALUE escaping.</summary>
internal static class StructuredData
{
    /// <summary>SD-NAME = 1*32 PRINTUSASCII except '=', SP, ']' and '"'.</summary>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 32)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is < '!' or > '~' or '=' or ']' or '"')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A private SD-ID: <c>name@enterprise-number</c> (section 7.2.2), digits optionally followed by ".digits".</summary>
    public static bool IsValidPrivateId(string? id)
    {
        if (!IsValidName(id))
        {
            return false;
        }

        var at = id!.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != id.LastIndexOf('@') || at == id.Length - 1)
        {
            return false;
        }

        var number = id.AsSpan(at + 1);
        var previousDot = true;
        foreach (var c in number)
        {
            if (c == '.')
            {
                if (previousDot)
                {
                    return false;
                }

                previousDot = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                previousDot = false;
            }
            else
            {
                return false;
            }
        }

        return !previousDot;
    }

    /// <summary>Appends <paramref name="value"/> with '"', '\' and ']' escaped by a backslash, as PARAM-VALUE requires.</summary>
    public static void AppendEscaped(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            if (c is '"' or '\\' or ']')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }
    }
}
