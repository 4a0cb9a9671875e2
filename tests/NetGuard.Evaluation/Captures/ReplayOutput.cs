using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace NetGuard.Evaluation.Captures;

/// <summary>What <c>netguard replay FILE --json</c> printed: alerts, decisions and the summary.</summary>
internal sealed record ReplayOutput(IReadOnlyList<JsonElement> Alerts, IReadOnlyList<JsonElement> Decisions, JsonElement Summary, double WallSeconds)
{
    public static ReplayOutput Run(string capture)
    {
        var netguard = Path.Combine(AppContext.BaseDirectory, "netguard.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(netguard);
        info.ArgumentList.Add("replay");
        info.ArgumentList.Add(capture);
        info.ArgumentList.Add("--json");
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start netguard");
        var stderr = process.StandardError.ReadToEndAsync();
        var lines = new List<JsonElement>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            lines.Add(doc.RootElement.Clone());
        }

        process.WaitForExit();
        if (process.ExitCode != 0 || lines.Count == 0)
        {
            throw new InvalidOperationException($"netguard replay {capture} exited {process.ExitCode}: {stderr.Result.Trim()}");
        }

        string Type(JsonElement e) => e.GetProperty("type").GetString()!;
        return new ReplayOutput(
            [.. lines.Where(l => Type(l) == "alert")],
            [.. lines.Where(l => Type(l) == "decision")],
            lines[^1],
            stopwatch.Elapsed.TotalSeconds);
    }

    public static DateTimeOffset Time(JsonElement e, string property = "time") =>
        DateTimeOffset.Parse(e.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);
}
