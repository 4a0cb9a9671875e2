using NetGuard.Core.Packets;

namespace NetGuard.Capture.Files;

/// <summary>One frame read from a capture file; <see cref="Data"/> is valid until the next read.</summary>
public readonly ref struct CaptureFrame
{
    public CaptureFrame(LinkType linkType, long timestampMicros, int originalLength, ReadOnlySpan<byte> data)
    {
        LinkType = linkType;
        TimestampMicros = timestampMicros;
        OriginalLength = originalLength;
        Data = data;
    }

    public LinkType LinkType { get; }

    public long TimestampMicros { get; }

    /// <summary>The frame's length on the wire, which may exceed the captured <see cref="Data"/>.</summary>
    public int OriginalLength { get; }

    public ReadOnlySpan<byte> Data { get; }
}
