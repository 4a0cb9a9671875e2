using System.Runtime.CompilerServices;

namespace NetGuard.Core.Collections;

/// <summary>
/// The bucket array of an open-addressed index (linear probing, a power-of-two length, kept at most
/// half full by its owner) in which each bucket holds a key's 32-bit hash in its high half and a slot
/// plus one in its low half; 0 is an empty bucket. Comparing hashes in the bucket means a lookup reads
/// only the entry it wants, and a prefetch can name the right entry before anyone reads it. The
/// flow table, the per-second host table and detection's profile table share it.
/// </summary>
internal static class TaggedBuckets
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bucket(uint hash, int slot) => ((ulong)hash << 32) | (uint)(slot + 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint HashOf(ulong bucket) => (uint)(bucket >> 32);

    /// <summary>The slot a non-empty bucket names.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SlotOf(ulong bucket) => (int)(uint)bucket - 1;

    /// <summary>
    /// The slot of the first key with <paramref name="hash"/> in its home bucket or the next (where
    /// nearly all keys sit in an index at most half full), or -1: a guess to prefetch, not a lookup.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Likely(ulong[] buckets, int mask, uint hash)
    {
        var home = (int)hash & mask;
        var bucket = buckets[home];
        if (HashOf(bucket) != hash)
        {
            bucket = buckets[(home + 1) & mask];
        }

        return bucket != 0 && HashOf(bucket) == hash ? SlotOf(bucket) : -1;
    }

    /// <summary>Puts the slot in the first empty bucket from its hash's home on; returns that bucket.</summary>
    public static int Insert(ulong[] buckets, int mask, uint hash, int slot)
    {
        var at = (int)hash & mask;
        while (buckets[at] != 0)
        {
            at = (at + 1) & mask;
        }

        buckets[at] = Bucket(hash, slot);
        return at;
    }

    /// <summary>
    /// Empties the slot's bucket and shifts later buckets of the same run back into the hole when their
    /// home allows (backward-shift deletion), so that no lookup stops early at a gap and no tombstones
    /// pile up. A slot that is not there is a broken invariant: an exception, not an endless probe.
    /// </summary>
    public static void Delete(ulong[] buckets, int mask, uint hash, int slot)
    {
        var wanted = Bucket(hash, slot);
        var hole = (int)hash & mask;
        for (var probes = 0; buckets[hole] != wanted; probes++)
        {
            if (probes == buckets.Length)
            {
                throw new InvalidOperationException($"slot {slot} is missing from its index");
            }

            hole = (hole + 1) & mask;
        }

        for (var next = (hole + 1) & mask; buckets[next] != 0; next = (next + 1) & mask)
        {
            var home = (int)HashOf(buckets[next]) & mask;
            // The bucket at next may move back to hole only if hole lies on its probe path (home .. next).
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                buckets[hole] = buckets[next];
                hole = next;
            }
        }

        buckets[hole] = 0;
    }

    /// <summary>A new array of <paramref name="length"/> buckets (a power of two) holding every bucket of <paramref name="old"/>.</summary>
    public static ulong[] Rehash(ulong[] old, int length)
    {
        var buckets = new ulong[length];
        var mask = length - 1;
        foreach (var bucket in old)
        {
            if (bucket != 0)
            {
                var at = (int)HashOf(bucket) & mask;
                while (buckets[at] != 0)
                {
                    at = (at + 1) & mask;
                }

                buckets[at] = bucket;
            }
        }

        return buckets;
    }
}
