using NetGuard.Core.Packets;

namespace NetGuard.Core.Pipeline;

/// <summary>
/// A fixed-size array of records that travels through the channel as one item, so that the
/// per-item cost of the channel is paid once per <see cref="Capacity"/> packets.
/// </summary>
public sealed class PacketBatch
{
    public const int Capacity = 256;

    /// <summary>A sentinel with no records: tells the reader that time has passed (idle watermark).</summary>
    public static readonly PacketBatch Tick = new();

    public PacketRecord[] Items { get; } = new PacketRecord[Capacity];

    public int Count { get; set; }

    public bool IsFull => Count == Capacity;

    public ReadOnlySpan<PacketRecord> Records => Items.AsSpan(0, Count);
}
