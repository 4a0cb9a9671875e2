using System.Buffers.Binary;
using NetGuard.Core.Packets;

namespace NetGuard.Testing.Files;

/// <summary>Writes classic pcap files (microsecond or nanosecond timestamps, either byte order).</summary>
public sealed class PcapWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _bigEndian;
    private readonly bool _nanoseconds;
    private readonly byte[] _header = new byte[16];

    public PcapWriter(Stream stream, LinkType linkType = LinkType.Ethernet, bool bigEndian = false, bool nanoseconds = false, int snapLength = 262144)
    {
        _stream = stream;
        _bigEndian = bigEndian;
        _nanoseconds = nanoseconds;
        var header = new byte[24];
        WriteUInt32(header, nanoseconds ? 0xA1B23C4Du : 0xA1B2C3D4u);
        WriteUInt16(header.AsSpan(4), 2);
        WriteUInt16(header.AsSpan(6), 4);
        WriteUInt32(header.AsSpan(16), (uint)snapLength);
        WriteUInt32(header.AsSpan(20), (uint)linkType);
        _stream.Write(header);
    }

    public static PcapWriter Create(string path, LinkType linkType = LinkType.Ethernet) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20), linkType);

    public long Count { get; private set; }

    /// <summary>Appends a frame; <paramref name="originalLength"/> defaults to the frame's length (not truncated).</summary>
    public void Write(long timestampMicros, ReadOnlySpan<byte> frame, int? originalLength = null)
    {
        var seconds = timestampMicros / 1_000_000;
        var fraction = timestampMicros % 1_000_000;
        WriteUInt32(_header, (uint)seconds);
        WriteUInt32(_header.AsSpan(4), (uint)(_nanoseconds ? fraction * 1000 : fraction));
        WriteUInt32(_header.AsSpan(8), (uint)frame.Length);
        WriteUInt32(_header.AsSpan(12), (uint)(originalLength ?? frame.Length));
        _stream.Write(_header);
        _stream.Write(frame);
        Count++;
    }

    private void WriteUInt32(Span<byte> span, uint value) => Endian.Write(span, value, _bigEndian);

    private void WriteUInt16(Span<byte> span, ushort value) => Endian.Write(span, value, _bigEndian);

    public void Dispose()
    {
        _stream.Flush();
        _stream.Dispose();
    }
}
