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
        using var output = new JsonLines(stdout);
        var wiring = ReplayWiring.Create(detectionOptions, remediationOptions, output, request.Json, request.Stats, stderr);
        var sink = wiring.Sink;
        var pipeline = new CapturePipeline([source], aggregation, capture.ChannelBatches, TimeProvider.System);

        PipelineResult result;
        using (new ReplayProgress(source, pipeline, TimeProvider.System))
        {
            result = await pipeline.RunAsync(sink, cancellationToken).ConfigureAwait(false);
        }

        return await ReplaySummary.ReportAsync(result, wiring.Detection.Counters, output, request.Json, stdout, stderr, ExitCodes.BadInput).ConfigureAwait(false);
    }
}
