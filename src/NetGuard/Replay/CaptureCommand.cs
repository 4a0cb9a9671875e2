using NetGuard.Capture.Live;
using NetGuard.Cli;
using NetGuard.Configuration;
using NetGuard.Core.Capture;
using NetGuard.Core.Statistics;
using NetGuard.Detection;
using NetGuard.Pipeline;

namespace NetGuard.Replay;

/// <summary>
/// <c>netguard capture [IFACE...]</c>: live capture through the same pipeline, for a count or a
/// duration or until Ctrl+C, with the same output as replay. An operator's quick look at a link.
/// </summary>
internal static class CaptureCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static async Task<int> RunAsync(CaptureRequest request, Stream stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var settings = NetGuardSettings.Load(request.ConfigFile);
        var (_, capture, aggregation, detectionOptions, remediationOptions, _, _, _) = settings;
        if (request.Filter is not null)
        {
            capture.Filter = request.Filter;
        }

        var names = request.Interfaces.Count > 0 ? request.Interfaces
            : capture.Interfaces.Count > 0 ? [.. capture.Interfaces]
            : [InterfaceCatalog.DefaultInterface()];
        var sources = new List<IPacketSource>();
        try
        {
            foreach (var name in names)
            {
                sources.Add(LiveCaptureSource.Open(name, capture));
            }

            using var output = new JsonLines(stdout);
            var wiring = ReplayWiring.Create(detectionOptions, remediationOptions, output, request.Json, request.Stats, stderr);
            var sink = wiring.Sink;
            var pipeline = new CapturePipeline(sources, aggregation, capture.ChannelBatches, TimeProvider.System);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (request.Duration is { } duration)
            {
                stop.CancelAfter(duration);
            }

            await stderr.WriteLineAsync($"netguard: capturing on {string.Join(", ", names)}").ConfigureAwait(false);
            await stderr.FlushAsync(cancellationToken).ConfigureAwait(false);
            using var counter = request.Count is { } count
                ? TimeProvider.System.CreateTimer(_ => StopAtCount(pipeline, count, stop), null, PollInterval, PollInterval)
                : null;

            var result = await pipeline.RunAsync(sink, stop.Token).ConfigureAwait(false);
            return await ReplaySummary.ReportAsync(result, wiring.Detection.Counters, output, request.Json, stdout, stderr, ExitCodes.Unavailable).ConfigureAwait(false);
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    private static void StopAtCount(CapturePipeline pipeline, long count, CancellationTokenSource stop)
    {
        long frames = 0;
        foreach (var counters in pipeline.SourceCounters)
        {
            frames += counters.Frames;
        }

        if (frames >= count)
        {
            stop.Cancel();
        }
    }
}
