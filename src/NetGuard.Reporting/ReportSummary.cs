namespace NetGuard.Reporting;

/// <summary>The run's figures, as replay's summary has them.</summary>
/// <param name="Source">The capture file's name as the operator gave it.</param>
/// <param name="FirstMicros">First packet time (Unix microseconds); null when nothing was read.</param>
/// <param name="Wall">How long the replay took.</param>
/// <param name="Error">The fault that stopped the source part-way, if any.</param>
public sealed record ReportSummary(
    string Source,
    long Packets,
    long Bytes,
    long? FirstMicros,
    long? LastMicros,
    TimeSpan Wall,
    long KernelDropped,
    long PipelineDropped,
    long DecodeErrors,
    string? Error);
