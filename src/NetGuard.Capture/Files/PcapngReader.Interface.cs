using System.Buffers.Binary;
using NetGuard.Core.Packets;

namespace NetGuard.Capture.Files;

internal sealed partial class PcapngReader
{
    private const ushort OptionEnd = 0;
    private const ushort OptionTimestampResolution = 9;
    private const ushort OptionTimestampOffset = 14;

    private Interface ParseInterface(ReadOnlySpan<byte> body)
    {
        if (body.Length < 8)
        {
            throw Corrupt("interface description block shorter than its fixed fields");
        }

        var linkType = (LinkType)ReadUInt16(body);
        var snapLength = ReadUInt32(body[4..]);
        ulong unitsPerSecond = 1_000_000;
        long offsetSeconds = 0;
        var options = body[8..];
        while (options.Length >= 4)
        {
            var code = ReadUInt16(options);
            var length = ReadUInt16(options[2..]);
            if (code == OptionEnd)
            {
                break;
            }

            var padded = (length + 3) & ~3;
            if (options.Length < 4 + padded)
            {
                throw Corrupt($"interface option {code} runs past the end of its block");
            }

            var value = options.Slice(4, length);
            if (code == OptionTimestampResolution && length >= 1)
            {
                unitsPerSecond = UnitsPerSecond(value[0]);
            }
            else if (code == OptionTimestampOffset && length >= 8)
            {
                offsetSeconds = _bigEndian ? BinaryPrimitives.ReadInt64BigEndian(value) : BinaryPrimitives.ReadInt64LittleEndian(value);
            }

            options = options[(4 + padded)..];
        }

        return new Interface(linkType, snapLength, unitsPerSecond, offsetSeconds);
    }

    private ulong UnitsPerSecond(byte resolution)
    {
        var exponent = resolution & 0x7F;
        var binary = (resolution & 0x80) != 0;
        if ((binary && exponent > 63) || (!binary && exponent > 19))
        {
            throw Corrupt($"interface timestamp resolution 0x{resolution:X2} is out of range");
        }

        if (binary)
        {
            return 1UL << exponent;
        }

        ulong units = 1;
        for (var i = 0; i < exponent; i++)
        {
            units *= 10;
        }

        return units;
    }

    private ushort ReadUInt16(ReadOnlySpan<byte> span) =>
        _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span) : BinaryPrimitives.ReadUInt16LittleEndian(span);

    private sealed record Interface(LinkType LinkType, uint SnapLength, ulong UnitsPerSecond, long OffsetSeconds)
    {
        public long ToMicros(ulong timestamp)
        {
            if (UnitsPerSecond == 1_000_000)
            {
                return (long)timestamp + (OffsetSeconds * 1_000_000);
            }

            var seconds = timestamp / UnitsPerSecond;
            var fraction = timestamp % UnitsPerSecond;
            var micros = (UInt128)fraction * 1_000_000 / UnitsPerSecond;
            return ((long)seconds + OffsetSeconds) * 1_000_000 + (long)micros;
        }
    }
}
