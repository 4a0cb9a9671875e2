using System.Buffers.Binary;
using NetGuard.Core.Packets;

namespace NetGuard.Capture.Files;

/// <summary>Classic libpcap format: a 24-byte file header, then a 16-byte header per record.</summary>
internal sealed class PcapReader : CaptureFileReader
{
    private readonly bool _swapped;
    private readonly bool _nanoseconds;
    private readonly LinkType _linkType;

    public PcapReader(FileInput input)
        : base(input)
    {
        var header = input.Take(24);
        if (header.IsEmpty)
        {
            throw Truncated("the 24-byte file header is incomplete");
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
        _swapped = magic is 0xD4C3B2A1 or 0x4D3CB2A1;
        _nanoseconds = magic is 0xA1B23C4D or 0x4D3CB2A1;

        // The upper bits of the link-type field carry FCS information; the type is the low 16 bits.
        _linkType = (LinkType)(ReadUInt32(header[20..]) & 0xFFFF);
    }

    public override string Format => "pcap";

    public LinkType LinkType => _linkType;

    public override bool TryReadNext(out CaptureFrame frame)
    {
        frame = default;
        var header = Input.Take(16);
        if (header.IsEmpty)
        {
            if (Input.AtEnd)
            {
                return false;
            }

            throw Truncated($"a record header has only {Input.Buffered} of its 16 bytes");
        }

        var seconds = ReadUInt32(header);
        var fraction = ReadUInt32(header[4..]);
        var capturedLength = ReadUInt32(header[8..]);
        var originalLength = ReadUInt32(header[12..]);
        if (capturedLength > MaxFrameLength)
        {
            throw Corrupt($"a record claims {capturedLength} captured bytes (at most {MaxFrameLength} are plausible)");
        }

        var data = Input.Take((int)capturedLength);
        if (data.IsEmpty && capturedLength > 0)
        {
            throw Truncated($"packet {FramesRead + 1} needs {capturedLength} bytes but only {Input.Buffered} remain");
        }

        var micros = (seconds * 1_000_000L) + (_nanoseconds ? fraction / 1000 : fraction);
        frame = new CaptureFrame(_linkType, micros, (int)Math.Min(Math.Max(originalLength, capturedLength), int.MaxValue), data);
        FramesRead++;
        return true;
    }

    private uint ReadUInt32(ReadOnlySpan<byte> span) =>
        _swapped ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
}
