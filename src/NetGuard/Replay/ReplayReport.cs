using NetGuard.Detection;
using NetGuard.Detection.Hosts;
using NetGuard.Pipeline;
using NetGuard.Reporting;

namespace NetGuard.Replay;

/// <summary><c>replay --report</c>: the recorder set up from detection's settings, and the page written when the replay ends.</summary>
internal static class ReplayReport
{
    public static ReportRecorder CreateRecorder(DetectionOptions detection) =>
        new(new ReportSettings(HostMetrics.AllNames, detection.NormalZ, detection.SpikeZ, detection.CusumThreshold));

    /// <summary>Writes the report (also for a capture that broke part-way); false, after one line on stderr, if it cannot.</summary>
    public static async Task<bool> WriteAsync(ReportFile file, ReportRecorder recorder, ReplayRequest request, PipelineResult result, TextWriter stderr)
    {
        var summary = new ReportSummary(
            request.File,
            result.Frames,
            result.FrameBytes,
            result.FirstMicros,
            result.LastMicros,
            result.Wall,
            result.KernelDropped,
            result.PipelineDropped,
            result.DecodeErrors,
            result.FirstFault?.Message);
        try
        {
            var size = file.Write(recorder, summary);
            await stderr.WriteLineAsync($"netguard: report written to {request.Report} ({Math.Max(1, size / 1024)} KiB)").ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"netguard: cannot write the report to {request.Report}: {e.Message}").ConfigureAwait(false);
            return false;
        }
    }
}
