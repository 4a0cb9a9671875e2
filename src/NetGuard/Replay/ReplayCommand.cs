using NetGuard.Capture.Files;
using NetGuard.Cli;
using NetGuard.Configuration;
using NetGuard.Pipeline;

namespace NetGuard.Replay;

/// <summary>
/// <c>netguard replay FILE</c>: runs a capture file through the live pipeline at full speed.
/// With --json, stdout carries only JSON lines, the summary last; messages go to stderr.
/// </summary>
internal static class ReplayCommand
{
    public static async Task<int> RunAsync(ReplayRequest request, Stream stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var settings = NetGuardSettings.Load(request.ConfigFile);
        var (_, capture, aggregation, detectionOptions, remediationOptions, _, _, _) = settings;

        using var source = FileCaptureSource.Open(request.File);
        ReportFile? reportFile = null;
        if (request.Report is not null && !ReportFile.TryCreate(request.Report, out reportFile, out var reportError))
        {
            await stderr.WriteLineAsync($"netguard: {reportError}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        using var reportFileScope = reportFile;
        var report = reportFile is null ? null : ReplayReport.CreateRecorder(detectionOptions);
        using var output = new JsonLines(stdout);
        var wiring = ReplayWiring.Create(detectionOptions, remediationOptions, output, request.Json, request.Stats, stderr, report);
        var sink = wiring.Sink;
        var pipeline = new CapturePipeline([source], aggregation, capture.ChannelBatches, TimeProvider.System);

        PipelineResult result;
        using (new ReplayProgress(source, pipeline, TimeProvider.System))
        {
            result = await pipeline.RunAsync(sink, cancellationToken).ConfigureAwait(false);
        }

        // The report comes first, so its line on stderr precedes the summary; a report that cannot be
        // written still lets the summary out, then fails the run.
        var reported = reportFile is null || report is null
            || await ReplayReport.WriteAsync(reportFile, report, request, result, stderr).ConfigureAwait(false);

        var exit = await ReplaySummary.ReportAsync(result, wiring.Detection.Counters, output, request.Json, stdout, stderr, ExitCodes.BadInput).ConfigureAwait(false);
        return exit == ExitCodes.Ok && !reported ? ExitCodes.BadInput : exit;
    }
}
