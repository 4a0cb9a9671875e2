namespace NetGuard.Core.Pipeline;

/// <summary>
/// Counters of one capture source. Written only by that source's thread; read by others through
/// <see cref="Volatile"/> (64-bit reads are atomic on the platforms NetGuard runs on).
/// </summary>
public sealed class CaptureCounters
{
    internal long _frames;
    internal long _frameBytes;
    internal long _ipPackets;
    internal long _notIp;
    internal long _truncated;
    internal long _malformed;
    internal long _unsupportedLink;
    internal long _pipelineDroppedPackets;
    internal long _pipelineDroppedBatches;
    internal long _firstMicros = long.MaxValue;
    internal long _lastMicros = long.MinValue;

    /// <summary>Frames read from the source, IP or not, decodable or not.</summary>
    public long Frames => Volatile.Read(ref _frames);

    /// <summary>Sum of the frames' original (wire) lengths.</summary>
    public long FrameBytes => Volatile.Read(ref _frameBytes);

    public long IpPackets => Volatile.Read(ref _ipPackets);

    public long NotIp => Volatile.Read(ref _notIp);

    public long Truncated => Volatile.Read(ref _truncated);

    public long Malformed => Volatile.Read(ref _malformed);

    public long UnsupportedLinkType => Volatile.Read(ref _unsupportedLink);

    /// <summary>Frames that could not be decoded: truncated, malformed or of an unknown link type.</summary>
    public long DecodeErrors => Truncated + Malformed + UnsupportedLinkType;

    public long PipelineDroppedPackets => Volatile.Read(ref _pipelineDroppedPackets);

    public long PipelineDroppedBatches => Volatile.Read(ref _pipelineDroppedBatches);

    /// <summary>Earliest frame timestamp seen, or null before the first frame.</summary>
    public long? FirstMicros => Frames == 0 ? null : Volatile.Read(ref _firstMicros);

    public long? LastMicros => Frames == 0 ? null : Volatile.Read(ref _lastMicros);
}
