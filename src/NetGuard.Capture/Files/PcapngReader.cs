using System.Buffers.Binary;
using NetGuard.Core.Packets;

namespace NetGuard.Capture.Files;

/// <summary>
/// pcapng (draft-ietf-opsawg-pcapng): sections of blocks, interfaces described by IDBs, packets in
/// enhanced, simple or obsolete packet blocks. Other blocks are skipped by their length.
/// </summary>
internal sealed partial class PcapngReader : CaptureFileReader
{
    internal const uint SectionHeaderType = 0x0A0D0D0A;
    private const uint ByteOrderMagic = 0x1A2B3C4D;
    private const int MaxBlockLength = 16 << 20;
    private readonly List<Interface> _interfaces = [];
    private bool _bigEndian;
    private long _lastMicros;

    public PcapngReader(FileInput input)
        : base(input)
    {
    }

    public override string Format => "pcapng";

    public override bool TryReadNext(out CaptureFrame frame)
    {
        while (true)
        {
            var head = Input.Peek(12);
            if (head.IsEmpty)
            {
                frame = default;
                if (Input.AtEnd)
                {
                    return false;
                }

                throw Truncated($"a block header has only {Input.Buffered} of its 12 bytes");
            }

            var type = ReadUInt32(head);
            if (type == SectionHeaderType)
            {
                // The byte order is the section's own; read it before the length.
                var bom = BinaryPrimitives.ReadUInt32LittleEndian(head[8..]);
                _bigEndian = bom switch
                {
                    ByteOrderMagic => false,
                    0x4D3C2B1A => true,
                    _ => throw Corrupt($"section header byte-order magic is 0x{bom:X8}"),
                };
            }

            var length = ReadUInt32(head[4..]);
            if (length < 12 || length % 4 != 0 || length > MaxBlockLength)
            {
                throw Corrupt($"block of type 0x{type:X} has an impossible length {length}");
            }

            var block = Input.Take((int)length);
            if (block.IsEmpty)
            {
                throw Truncated($"a block of type 0x{type:X} needs {length} bytes but only {Input.Buffered} remain");
            }

            if (ReadUInt32(block[^4..]) != length)
            {
                throw Corrupt($"block of type 0x{type:X} ends with a length that differs from its start");
            }

            var body = block[8..^4];
            switch (type)
            {
                case SectionHeaderType:
                    _interfaces.Clear();
                    break;
                case 1:
                    _interfaces.Add(ParseInterface(body));
                    break;
                case 6:
                    if (TryEnhancedPacket(body, out frame))
                    {
                        return true;
                    }

                    break;
                case 3:
                    frame = SimplePacket(body);
                    return true;
                case 2:
                    frame = ObsoletePacket(body);
                    return true;
                default:
                    break;
            }
        }
    }

    private bool TryEnhancedPacket(ReadOnlySpan<byte> body, out CaptureFrame frame)
    {
        if (body.Length < 20)
        {
            throw Corrupt("enhanced packet block shorter than its fixed fields");
        }

        var iface = InterfaceAt(ReadUInt32(body));
        var timestamp = ((ulong)ReadUInt32(body[4..]) << 32) | ReadUInt32(body[8..]);
        var captured = ReadUInt32(body[12..]);
        var original = ReadUInt32(body[16..]);
        if (captured > body.Length - 20 || captured > MaxFrameLength)
        {
            throw Corrupt($"enhanced packet claims {captured} captured bytes in a block with room for {body.Length - 20}");
        }

        frame = MakeFrame(iface, iface.ToMicros(timestamp), original, body.Slice(20, (int)captured));
        return true;
    }

    private CaptureFrame SimplePacket(ReadOnlySpan<byte> body)
    {
        if (body.Length < 4)
        {
            throw Corrupt("simple packet block shorter than its fixed fields");
        }

        var iface = InterfaceAt(0);
        var original = ReadUInt32(body);
        var room = body.Length - 4;
        var captured = (int)Math.Min(Math.Min(original, (uint)room), iface.SnapLength == 0 ? uint.MaxValue : iface.SnapLength);

        // Simple packets carry no timestamp: they are given the last one seen.
        return MakeFrame(iface, _lastMicros, original, body.Slice(4, captured));
    }

    private CaptureFrame ObsoletePacket(ReadOnlySpan<byte> body)
    {
        if (body.Length < 20)
        {
            throw Corrupt("packet block shorter than its fixed fields");
        }

        var iface = InterfaceAt(_bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(body) : BinaryPrimitives.ReadUInt16LittleEndian(body));
        var timestamp = ((ulong)ReadUInt32(body[4..]) << 32) | ReadUInt32(body[8..]);
        var captured = ReadUInt32(body[12..]);
        var original = ReadUInt32(body[16..]);
        if (captured > body.Length - 20)
        {
            throw Corrupt($"packet block claims {captured} captured bytes in a block with room for {body.Length - 20}");
        }

        return MakeFrame(iface, iface.ToMicros(timestamp), original, body.Slice(20, (int)captured));
    }

    private CaptureFrame MakeFrame(Interface iface, long micros, uint original, ReadOnlySpan<byte> data)
    {
        _lastMicros = micros;
        FramesRead++;
        return new CaptureFrame(iface.LinkType, micros, (int)Math.Min(Math.Max(original, (uint)data.Length), int.MaxValue), data);
    }

    private Interface InterfaceAt(uint id)
    {
        if (id >= _interfaces.Count)
        {
            throw Corrupt($"a packet names interface {id} but the section describes {_interfaces.Count}");
        }

        return _interfaces[(int)id];
    }

    private uint ReadUInt32(ReadOnlySpan<byte> span) =>
        _bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
}
