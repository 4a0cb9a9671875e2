using System.Buffers.Binary;

namespace NetGuard.Testing.Files;

/// <summary>Writes integers in the byte order a capture file (or one of its sections) was declared with.</summary>
internal static class Endian
{
    public static void Write(Span<byte> span, ushort value, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span, value);
        }
    }

    public static void Write(Span<byte> span, uint value, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span, value);
        }
    }

    public static void Write(Span<byte> span, ulong value, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt64BigEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span, value);
        }
    }
}
