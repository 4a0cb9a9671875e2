using System.Numerics;

namespace NetGuard.Aggregation.Tables;

internal static class HashSize
{
    /// <summary>A power of two at least twice <paramref name="capacity"/>: open addressing stays at most half full.</summary>
    public static int ForCapacity(int capacity) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, 8) * 2);
}
