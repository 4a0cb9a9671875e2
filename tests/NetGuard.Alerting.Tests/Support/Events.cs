using Serilog.Events;
using Serilog.Parsing;

namespace NetGuard.Alerting.Tests.Support;

/// <summary>Log events as the alert [LoggerMessage] of NetGuard.Hosting.AlertLogSink produces them, at a fixed time.</summary>
internal static class Events
{
    /// <summary>The template of AlertLogSink.LogAlert (event id 200).</summary>
    public const string AlertTemplate =
        "ALERT {Kind} {Subject} ({Role}) peer {Peer}: {Metric} {Value} vs baseline {Baseline}, score {Score} [{Detector}]";

    /// <summary>2025-03-04 05:06:07.1234567 at UTC+2, that is 03:06:07 UTC.</summary>
    public static readonly DateTimeOffset Time = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)).AddTicks(1_234_567);

    public static LogEvent Alert(string detector = "cusum", LogEventLevel level = LogEventLevel.Warning, DateTimeOffset? time = null) =>
        Create(level, AlertTemplate, time,
            ("Kind", "syn-flood"), ("Subject", "203.0.113.7"), ("Role", "source"), ("Peer", "198.51.100.2"),
            ("Metric", "out.syn"), ("Value", 1234.5), ("Baseline", 10.25), ("Score", 9.75), ("Detector", detector),
            ("EventId", new StructureValue([new LogEventProperty("Id", new ScalarValue(200)), new LogEventProperty("Name", new ScalarValue("LogAlert"))])));

    public static LogEvent Create(LogEventLevel level, string template, DateTimeOffset? time = null, params (string Name, object? Value)[] properties) =>
        Create(level, template, time, exception: null, properties);

    public static LogEvent Create(LogEventLevel level, string template, DateTimeOffset? time, Exception? exception, params (string Name, object? Value)[] properties) =>
        new(time ?? Time, level, exception, new MessageTemplateParser().Parse(template),
            properties.Select(p => new LogEventProperty(p.Name, p.Value as LogEventPropertyValue ?? new ScalarValue(p.Value))));
}
