using System.Buffers.Binary;
using NetGuard.Core.Packets;

namespace NetGuard.Testing.Files;

/// <summary>Writes pcapng: a section header, interface descriptions, enhanced (or simple) packet blocks.</summary>
public sealed class PcapngWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _bigEndian;
    private readonly List<ulong> _unitsPerSecond = [];

    public PcapngWriter(Stream stream, bool bigEndian = false)
    {
        _stream = stream;
        _bigEndian = bigEndian;
        StartSection();
    }

    public long Count { get; private set; }

    /// <summary>Starts a new section: interfaces must be described again.</summary>
    public void StartSection()
    {
        var body = new byte[16];
        U32(body, 0x1A2B3C4D);
        U16(body.AsSpan(4), 1);
        U16(body.AsSpan(6), 0);
        U64(body.AsSpan(8), ulong.MaxValue);
        WriteBlock(0x0A0D0D0A, body);
        _unitsPerSecond.Clear();
    }

    /// <summary>Describes an interface; <paramref name="timestampResolution"/> is the if_tsresol byte (6 = µs, 9 = ns, 0x80|n = 2^-n).</summary>
    public int AddInterface(LinkType linkType, byte? timestampResolution = null, uint snapLength = 0, long? offsetSeconds = null)
    {
        var options = new List<byte>();
        if (timestampResolution is { } r)
        {
            options.AddRange(Option(9, [r]));
        }

        if (offsetSeconds is { } o)
        {
            var v = new byte[8];
            if (_bigEndian)
            {
                BinaryPrimitives.WriteInt64BigEndian(v, o);
            }
            else
            {
                BinaryPrimitives.WriteInt64LittleEndian(v, o);
            }

            options.AddRange(Option(14, v));
        }

        if (options.Count > 0)
        {
            options.AddRange(Option(0, []));
        }

        var body = new byte[8 + options.Count];
        U16(body, (ushort)linkType);
        U32(body.AsSpan(4), snapLength);
        options.CopyTo(body, 8);
        WriteBlock(1, body);
        var resolution = timestampResolution ?? 6;
        _unitsPerSecond.Add((resolution & 0x80) != 0 ? 1UL << (resolution & 0x7F) : (ulong)Math.Pow(10, resolution));
        return _unitsPerSecond.Count - 1;
    }

    public void WriteEnhanced(int interfaceId, long timestampMicros, ReadOnlySpan<byte> frame, int? originalLength = null)
    {
        var units = (ulong)(((UInt128)(ulong)timestampMicros * _unitsPerSecond[interfaceId]) / 1_000_000);
        var body = new byte[20 + Pad(frame.Length)];
        U32(body, (uint)interfaceId);
        U32(body.AsSpan(4), (uint)(units >> 32));
        U32(body.AsSpan(8), (uint)units);
        U32(body.AsSpan(12), (uint)frame.Length);
        U32(body.AsSpan(16), (uint)(originalLength ?? frame.Length));
        frame.CopyTo(body.AsSpan(20));
        WriteBlock(6, body);
        Count++;
    }

    public void WriteSimple(ReadOnlySpan<byte> frame)
    {
        var body = new byte[4 + Pad(frame.Length)];
        U32(body, (uint)frame.Length);
        frame.CopyTo(body.AsSpan(4));
        WriteBlock(3, body);
        Count++;
    }

    /// <summary>A block type the reader must skip (name resolution, statistics, custom...).</summary>
    public void WriteOpaqueBlock(uint type, int bodyLength) => WriteBlock(type, new byte[Pad(bodyLength)]);

    private static int Pad(int n) => (n + 3) & ~3;

    private static byte[] Option(ushort code, byte[] value)
    {
        var o = new byte[4 + Pad(value.Length)];
        BinaryPrimitives.WriteUInt16LittleEndian(o, code);
        BinaryPrimitives.WriteUInt16LittleEndian(o.AsSpan(2), (ushort)value.Length);
        value.CopyTo(o, 4);
        return o;
    }

    private void WriteBlock(uint type, byte[] body)
    {
        if (_bigEndian)
        {
            FixOptionEndianness(type, body);
        }

        var total = (uint)(12 + body.Length);
        var head = new byte[8];
        U32(head, type);
        U32(head.AsSpan(4), total);
        _stream.Write(head);
        _stream.Write(body);
        _stream.Write(head.AsSpan(4, 4));
    }

    private static void FixOptionEndianness(uint type, byte[] body)
    {
        if (type != 1 || body.Length <= 8)
        {
            return;
        }

        for (var i = 8; i + 4 <= body.Length;)
        {
            var code = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(i));
            var length = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(i + 2));
            BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(i), code);
            BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(i + 2), length);
            i += 4 + Pad(length);
            if (code == 0)
            {
                break;
            }
        }
    }

    private void U16(Span<byte> s, ushort v) => Endian.Write(s, v, _bigEndian);

    private void U32(Span<byte> s, uint v) => Endian.Write(s, v, _bigEndian);

    private void U64(Span<byte> s, ulong v) => Endian.Write(s, v, _bigEndian);

    public void Dispose()
    {
        _stream.Flush();
        _stream.Dispose();
    }
}
