namespace NetGuard.Hosting.Status;

/// <summary>One capture interface: totals since the start and rates over the last second.</summary>
internal sealed record InterfaceStatus(
    string Name,
    long Packets,
    long Bytes,
    double PacketsPerSecond,
    double BytesPerSecond,
    long KernelDropped,
    long PipelineDropped,
    long DecodeErrors);
