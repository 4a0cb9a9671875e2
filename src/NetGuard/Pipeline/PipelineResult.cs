using NetGuard.Aggregation;
using NetGuard.Core.Capture;
using NetGuard.Core.Pipeline;

namespace NetGuard.Pipeline;

/// <summary>What a finished pipeline run saw and counted.</summary>
internal sealed record PipelineResult(TimeSpan Wall, IReadOnlyList<SourceResult> Sources, AggregationCounters Aggregation)
{
    public long Frames => Sources.Sum(s => s.Counters.Frames);

    public long FrameBytes => Sources.Sum(s => s.Counters.FrameBytes);

    public long DecodeErrors => Sources.Sum(s => s.Counters.DecodeErrors);

    public long PipelineDropped => Sources.Sum(s => s.Counters.PipelineDroppedPackets);

    public long KernelDropped => Sources.Sum(s => s.Kernel.Dropped + s.Kernel.InterfaceDropped);

    public long? FirstMicros => Sources.Select(s => s.Counters.FirstMicros).Where(v => v.HasValue).Min();

    public long? LastMicros => Sources.Select(s => s.Counters.LastMicros).Where(v => v.HasValue).Max();

    public Exception? FirstFault => Sources.Select(s => s.Fault).FirstOrDefault(f => f is not null);
}

/// <summary>One source's counters and fault, if it stopped on one.</summary>
internal sealed record SourceResult(string Name, CaptureCounters Counters, KernelStatistics Kernel, Exception? Fault);
