using NetGuard.Core.Packets;

namespace NetGuard.Capture.Tests.Support;

/// <summary>A frame read from a capture file, copied out of the reader's buffer; equal when every field and byte is.</summary>
internal sealed record FrameCopy(LinkType LinkType, long TimestampMicros, int OriginalLength, byte[] Data)
{
    public bool Equals(FrameCopy? other) =>
        other is not null
        && LinkType == other.LinkType
        && TimestampMicros == other.TimestampMicros
        && OriginalLength == other.OriginalLength
        && Data.AsSpan().SequenceEqual(other.Data);

    public override int GetHashCode() => HashCode.Combine(LinkType, TimestampMicros, OriginalLength, Data.Length);

    public override string ToString() => $"{LinkType} {TimestampMicros} orig {OriginalLength} [{Convert.ToHexString(Data)}]";
}
