using System.Globalization;
using System.Text;
using Serilog.Events;

namespace NetGuard.Alerting.Syslog.Formatting;

/// <summary>
/// The alert fields a log event may carry (the properties of the alert [LoggerMessage]) and their
/// structured-data parameter names, in the order of the replay contract's alert line.
/// </summary>
internal static class AlertFields
{
    private static readonly (string Property, string Parameter)[] Fields =
    [
        ("Kind", "kind"),
        ("Subject", "subject"),
        ("Role", "role"),
        ("Peer", "peer"),
        ("Metric", "metric"),
        ("Value", "value"),
        ("Baseline", "baseline"),
        ("Score", "score"),
        ("Detector", "detector"),
        ("DecisionId", "decision"),
    ];

    /// <summary>An alert names what (Kind) and whom (Subject); everything else is optional.</summary>
    public static bool IsAlert(LogEvent logEvent) =>
        logEvent.Properties.ContainsKey("Kind") && logEvent.Properties.ContainsKey("Subject");

    /// <summary>Appends <c>[SD-ID name="value" ...]</c> with every alert field present and not null.</summary>
    public static void AppendElement(StringBuilder builder, string sdId, LogEvent logEvent)
    {
        builder.Append('[').Append(sdId);
        foreach (var (property, parameter) in Fields)
        {
            if (logEvent.Properties.TryGetValue(property, out var value) && Text(value) is { } text)
            {
                builder.Append(' ').Append(parameter).Append("=\"");
                StructuredData.AppendEscaped(builder, text);
                builder.Append('"');
            }
        }

        builder.Append(']');
    }

    private static string? Text(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: null } => null,
        ScalarValue { Value: string s } => s,
        ScalarValue { Value: bool b } => b ? "true" : "false",
        ScalarValue { Value: IFormattable f } => f.ToString(null, CultureInfo.InvariantCulture),
        ScalarValue { Value: var other } => other.ToString(),
        _ => value.ToString(null, CultureInfo.InvariantCulture),
    };
}
