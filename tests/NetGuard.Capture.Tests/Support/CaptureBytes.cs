using System.Buffers.Binary;
using NetGuard.Core.Packets;
using NetGuard.Testing.Files;

namespace NetGuard.Capture.Tests.Support;

/// <summary>Capture files as byte arrays, written with the test writers or block by block for faults.</summary>
internal static class CaptureBytes
{
    public static byte[] Pcap(Action<PcapWriter> write, LinkType link = LinkType.Ethernet, bool bigEndian = false, bool nanoseconds = false)
    {
        var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, link, bigEndian, nanoseconds))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    public static byte[] Pcapng(Action<PcapngWriter> write, bool bigEndian = false)
    {
        var stream = new MemoryStream();
        using (var writer = new PcapngWriter(stream, bigEndian))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    /// <summary>One pcapng block: type, total length, body (padded to 4), trailing length (or <paramref name="trailer"/>).</summary>
    public static byte[] Block(uint type, ReadOnlySpan<byte> body, bool bigEndian = false, uint? trailer = null)
    {
        var padded = (body.Length + 3) & ~3;
        var block = new byte[12 + padded];
        var total = (uint)block.Length;
        Write32(block, type, bigEndian);
        Write32(block.AsSpan(4), total, bigEndian);
        body.CopyTo(block.AsSpan(8));
        Write32(block.AsSpan(8 + padded), trailer ?? total, bigEndian);
        return block;
    }

    /// <summary>An enhanced packet block body.</summary>
    public static byte[] EnhancedBody(uint interfaceId, ulong timestamp, ReadOnlySpan<byte> data, uint? capturedLength = null, bool bigEndian = false)
    {
        var body = new byte[20 + ((data.Length + 3) & ~3)];
        Write32(body, interfaceId, bigEndian);
        Write32(body.AsSpan(4), (uint)(timestamp >> 32), bigEndian);
        Write32(body.AsSpan(8), (uint)timestamp, bigEndian);
        Write32(body.AsSpan(12), capturedLength ?? (uint)data.Length, bigEndian);
        Write32(body.AsSpan(16), (uint)data.Length, bigEndian);
        data.CopyTo(body.AsSpan(20));
        return body;
    }

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    public static void Write32(Span<byte> span, uint value, bool bigEndian)
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
}
