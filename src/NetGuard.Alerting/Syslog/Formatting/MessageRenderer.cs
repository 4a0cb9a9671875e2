using System.Globalization;
using Serilog.Events;
using Serilog.Parsing;

namespace NetGuard.Alerting.Syslog.Formatting;

/// <summary>
/// Renders MSG: the message template with string properties unquoted (as the console's <c>:lj</c>
/// does), invariant culture, and the exception (if any) after a newline.
/// </summary>
internal static class MessageRenderer
{
    public static string Render(LogEvent logEvent)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            if (token is PropertyToken { Format: null, Alignment: null } property
                && logEvent.Properties.TryGetValue(property.PropertyName, out var value)
                && value is ScalarValue { Value: string text })
            {
                writer.Write(text);
            }
            else
            {
                token.Render(logEvent.Properties, writer, CultureInfo.InvariantCulture);
            }
        }

        if (logEvent.Exception is { } exception)
        {
            writer.Write('\n');
            writer.Write(exception.ToString());
        }

        return writer.ToString();
    }
}
