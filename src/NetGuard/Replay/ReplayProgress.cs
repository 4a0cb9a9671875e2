using System.Globalization;
using NetGuard.Capture.Files;
using NetGuard.Pipeline;

namespace NetGuard.Replay;

/// <summary>One refreshed status line on stderr while a long replay runs, only when stderr is a terminal.</summary>
internal sealed class ReplayProgress : IDisposable
{
    private readonly FileCaptureSource _source;
    private readonly CapturePipeline _pipeline;
    private readonly ITimer? _timer;
    private long _lastFrames;

    public ReplayProgress(FileCaptureSource source, CapturePipeline pipeline, TimeProvider time)
    {
        _source = source;
        _pipeline = pipeline;
        if (!Console.IsErrorRedirected)
        {
            _timer = time.CreateTimer(_ => Report(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    private void Report()
    {
        var frames = _pipeline.SourceCounters[0].Frames;
        var rate = frames - _lastFrames;
        _lastFrames = frames;
        Console.Error.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"\rreplay: {_source.Progress:P0} of {_source.Name}, {frames:N0} packets, {rate / 1e6:F2} Mpps   "));
    }

    public void Dispose()
    {
        if (_timer is null)
        {
            return;
        }

        _timer.Dispose();
        if (_lastFrames > 0)
        {
            Console.Error.Write("\r" + new string(' ', 79) + "\r");
        }
    }
}
