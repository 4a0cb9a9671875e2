using System.Text;

namespace NetGuard.Reporting.Rendering;

/// <summary>
/// Escapes text for HTML and SVG, in element content and in quoted attributes alike. Everything the
/// page shows that came from packets, files or configuration goes through here.
/// </summary>
internal static class Html
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.AsSpan().IndexOfAny("&<>\"'") < 0 && !HasControl(text))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",

                // Control characters are not allowed in HTML text; show them as the replacement character.
                _ when char.IsControl(c) && c is not '\n' and not '\t' => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not '\n' and not '\t')
            {
                return true;
            }
        }

        return false;
    }
}
