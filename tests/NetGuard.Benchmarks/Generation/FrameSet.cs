using NetGuard.Capture.Decoding;
using NetGuard.Core.Packets;

namespace NetGuard.Benchmarks.Generation;

/// <summary>Generated frames packed back to back in memory, as they sit in a file buffer, for decoder benchmarks.</summary>
internal sealed class FrameSet
{
    private FrameSet(byte[] data, int[] offsets, int[] lengths, long[] timestamps)
    {
        Data = data;
        Offsets = offsets;
        Lengths = lengths;
        Timestamps = timestamps;
    }

    public byte[] Data { get; }

    public int[] Offsets { get; }

    public int[] Lengths { get; }

    public long[] Timestamps { get; }

    public int Count => Offsets.Length;

    public ReadOnlySpan<byte> Frame(int i) => Data.AsSpan(Offsets[i], Lengths[i]);

    public static FrameSet Generate(int count, int seed = 1, TrafficMix? mix = null)
    {
        var generator = new TrafficGenerator(mix ?? new TrafficMix(), seed);
        var data = new byte[(long)count * 720];
        var offsets = new int[count];
        var lengths = new int[count];
        var timestamps = new long[count];
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            var frame = generator.Next(out timestamps[i]);
            if (at + frame.Length > data.Length)
            {
                Array.Resize(ref data, data.Length + (data.Length / 2) + frame.Length);
            }

            frame.CopyTo(data.AsSpan(at));
            offsets[i] = at;
            lengths[i] = frame.Length;
            at += frame.Length;
        }

        return new FrameSet(data, offsets, lengths, timestamps);
    }

    /// <summary>Decodes every IP frame (setup for benchmarks that start from records).</summary>
    public PacketRecord[] Decode()
    {
        var records = new List<PacketRecord>(Count);
        for (var i = 0; i < Count; i++)
        {
            if (PacketDecoder.Decode(LinkType.Ethernet, Frame(i), Timestamps[i], out var record) == DecodeStatus.Ok)
            {
                records.Add(record);
            }
        }

        return [.. records];
    }
}
