using System.Globalization;
using NetGuard.Core.Detection;
using NetGuard.Detection;
using NetGuard.Pipeline;

namespace NetGuard.Replay;

/// <summary>The last line of a replay: the contract's summary fields, then NetGuard's own extra counters.</summary>
internal static class ReplaySummary
{
    public static void WriteJson(JsonLines output, PipelineResult result, DetectionCounters detection, string? error)
    {
        var w = output.Begin("summary");
        var wall = result.Wall.TotalSeconds;
        w.WriteNumber("packets", result.Frames);
        w.WriteNumber("bytes", result.FrameBytes);
        if (result.FirstMicros is { } first)
        {
            w.WriteString("first", JsonLines.Time(first));
        }
        else
        {
            w.WriteNull("first");
        }

        if (result.LastMicros is { } last)
        {
            w.WriteString("last", JsonLines.Time(last));
        }
        else
        {
            w.WriteNull("last");
        }

        w.WriteNumber("wall_s", Math.Round(wall, 6));
        w.WriteNumber("pps", wall > 0 ? Math.Round(result.Frames / wall, 1) : 0);
        w.WriteNumber("kernel_dropped", result.KernelDropped);
        w.WriteNumber("pipeline_dropped", result.PipelineDropped);
        w.WriteNumber("decode_errors", result.DecodeErrors);

        w.WriteNumber("ip_packets", result.Sources.Sum(s => s.Counters.IpPackets));
        w.WriteNumber("not_ip", result.Sources.Sum(s => s.Counters.NotIp));
        w.WriteNumber("truncated", result.Sources.Sum(s => s.Counters.Truncated));
        w.WriteNumber("malformed", result.Sources.Sum(s => s.Counters.Malformed));
        w.WriteNumber("unsupported_link", result.Sources.Sum(s => s.Counters.UnsupportedLinkType));
        var a = result.Aggregation;
        w.WriteNumber("seconds", a.SecondsClosed);
        w.WriteNumber("reordered", a.Reordered);
        w.WriteNumber("time_jumps_back", a.TimeJumpsBack);
        w.WriteNumber("untracked_host_packets", a.UntrackedHostPackets);
        w.WriteNumber("untracked_pairs", a.UntrackedPairs);
        w.WriteNumber("flows_evicted", a.FlowsEvicted);
        w.WriteNumber("alerts", detection.TotalAlerts);
        w.WriteNumber("hosts_profiled", detection.HostsTracked);
        if (error is not null)
        {
            w.WriteString("error", error);
        }

        output.End();
    }

    public static void WriteText(TextWriter output, PipelineResult result, DetectionCounters detection)
    {
        var wall = result.Wall.TotalSeconds;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"packets        {result.Frames:N0} ({result.FrameBytes:N0} bytes)"));
        output.WriteLine(string.Create(inv, $"time           {Format(result.FirstMicros)} .. {Format(result.LastMicros)}"));
        output.WriteLine(string.Create(inv, $"replayed in    {wall:F3} s ({(wall > 0 ? result.Frames / wall / 1e6 : 0):F2} Mpps)"));
        output.WriteLine(string.Create(inv, $"decode errors  {result.DecodeErrors:N0} (non-IP frames {result.Sources.Sum(s => s.Counters.NotIp):N0})"));
        output.WriteLine(string.Create(inv, $"drops          kernel {result.KernelDropped:N0}, pipeline {result.PipelineDropped:N0}"));
        var a = result.Aggregation;
        output.WriteLine(string.Create(inv, $"seconds        {a.SecondsClosed:N0} (reordered packets {a.Reordered:N0}, backward time jumps {a.TimeJumpsBack:N0})"));
        output.WriteLine(string.Create(inv, $"alerts         {detection.TotalAlerts:N0} ({string.Join(", ", Enum.GetValues<AttackKind>().Where(k => detection.Alerts(k) > 0).Select(k => $"{k.Name()} {detection.Alerts(k)}"))})"));
        output.WriteLine(string.Create(inv, $"untracked      host ends {a.UntrackedHostPackets:N0}, pairs {a.UntrackedPairs:N0}, flows evicted {a.FlowsEvicted:N0}"));
    }

    /// <summary>
    /// Writes the summary (JSON or text) and, when a source stopped on a fault, its one-line error:
    /// what was read before the fault is reported first, nothing is lost. Returns the exit code.
    /// </summary>
    public static async Task<int> ReportAsync(PipelineResult result, DetectionCounters detection, JsonLines output, bool json, Stream stdout, TextWriter stderr, int faultExitCode)
    {
        var fault = result.FirstFault;
        if (fault is not null and not Core.Capture.CaptureException)
        {
            throw new InvalidOperationException($"{result.Sources[0].Name}: {fault.Message}", fault);
        }

        if (json)
        {
            WriteJson(output, result, detection, fault?.Message);
            output.Flush();
        }
        else
        {
            using var text = new StreamWriter(stdout, leaveOpen: true);
            WriteText(text, result, detection);
        }

        if (fault is null)
        {
            return Cli.ExitCodes.Ok;
        }

        await stderr.WriteLineAsync($"netguard: {fault.Message}").ConfigureAwait(false);
        return faultExitCode;
    }

    private static string Format(long? micros) => micros is { } m ? JsonLines.Time(m) : "-";
}
