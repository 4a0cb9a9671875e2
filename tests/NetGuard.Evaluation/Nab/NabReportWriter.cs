using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NetGuard.Evaluation.Nab;

/// <summary>Writes a <see cref="NabDetectorReport"/> as a text table, or as one line of JSON.</summary>
internal static class NabReportWriter
{
    public static void WriteText(TextWriter output, NabDetectorReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"{report.Detector}: streamed row by row; no look-ahead, no global min/max; threshold swept per profile (in-sample, as NAB does)");
        output.WriteLine(string.Format(c, "  {0,-20} {1,10} {2,18} {3,10} {4,8} {5,7} {6,7} {7,7} {8,7}", "profile", "score", "threshold", "raw", "null", "perfect", "hit", "missed", "FP rows"));
        foreach (var p in report.Profiles)
        {
            output.WriteLine(string.Format(
                c,
                "  {0,-20} {1,10:F2} {2,18:G15} {3,10:F3} {4,8:F1} {5,7:F1} {6,7} {7,7} {8,7}",
                p.Profile.Name,
                p.Normalized,
                p.Threshold,
                p.Raw,
                p.Null,
                p.Perfect,
                p.WindowsDetected,
                p.WindowsMissed,
                p.FalsePositives));
        }

        output.WriteLine(string.Format(
            c,
            "  {0} files, {1} points; detection {2:F2} s ({3:F2} µs/point), total {4:F2} s",
            report.Files,
            report.Points,
            report.DetectTime.TotalSeconds,
            report.DetectTime.TotalMicroseconds / Math.Max(report.Points, 1),
            report.TotalTime.TotalSeconds));
    }

    /// <summary>
    /// One JSON object on one line: "detector", a number per profile name (e.g. "standard"), then
    /// "thresholds", "raw", "null", "perfect" keyed by profile, and run facts.
    /// </summary>
    public static string ToJson(NabDetectorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("detector", report.Detector);
            foreach (var p in report.Profiles)
            {
                json.WriteNumber(p.Profile.Name, p.Normalized);
            }

            WriteByProfile(json, "thresholds", report, p => p.Threshold);
            WriteByProfile(json, "raw", report, p => p.Raw);
            WriteByProfile(json, "null", report, p => p.Null);
            WriteByProfile(json, "perfect", report, p => p.Perfect);
            WriteByProfile(json, "windows_detected", report, p => p.WindowsDetected);
            WriteByProfile(json, "false_positive_rows", report, p => p.FalsePositives);
            json.WriteNumber("files", report.Files);
            json.WriteNumber("points", report.Points);
            json.WriteBoolean("streaming", true);
            json.WriteBoolean("used_global_min_max", false);
            json.WriteNumber("detect_seconds", Math.Round(report.DetectTime.TotalSeconds, 3));
            json.WriteNumber("total_seconds", Math.Round(report.TotalTime.TotalSeconds, 3));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteByProfile(Utf8JsonWriter json, string name, NabDetectorReport report, Func<NabProfileResult, double> value)
    {
        json.WriteStartObject(name);
        foreach (var p in report.Profiles)
        {
            json.WriteNumber(p.Profile.Name, value(p));
        }

        json.WriteEndObject();
    }
}
