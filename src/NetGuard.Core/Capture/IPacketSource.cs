using NetGuard.Core.Pipeline;

namespace NetGuard.Core.Capture;

/// <summary>A live interface or a capture file that feeds decoded packets into the pipeline.</summary>
public interface IPacketSource : IDisposable
{
    /// <summary>An interface name or a file path, for messages.</summary>
    string Name { get; }

    /// <summary>What to do when the pipeline is full: drop (live) or wait (file).</summary>
    BackpressureMode Backpressure { get; }

    /// <summary>Drops counted by the kernel and the interface, where the source has them.</summary>
    KernelStatistics KernelStatistics { get; }

    /// <summary>
    /// Reads until the end of the input or until <paramref name="cancellationToken"/> fires, on the
    /// calling thread, handing every frame to <paramref name="writer"/>. Flushes before returning.
    /// Throws <see cref="CaptureException"/> for a fault the operator has to see.
    /// </summary>
    void Run(BatchWriter writer, CancellationToken cancellationToken);
}
