namespace NetGuard.Core.Pipeline;

/// <summary>What a writer does when the channel is full.</summary>
public enum BackpressureMode
{
    /// <summary>Live capture: drop the batch and count it; the capture thread never blocks.</summary>
    Drop,

    /// <summary>File replay: wait for room, so that replay is lossless and deterministic.</summary>
    Wait,
}
