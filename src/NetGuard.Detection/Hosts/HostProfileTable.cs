using System.Runtime.CompilerServices;
using NetGuard.Core.Collections;
using NetGuard.Core.Packets;

namespace NetGuard.Detection.Hosts;

/// <summary>
/// Profiles of the hosts detection follows, bounded: the least recently active is dropped first
/// (counted). A spoofed flood cannot fill it, because only hosts that sent or received a few
/// packets in a second earn a profile. Profiles sit in one array (grown by doubling up to the
/// capacity), found through an open-addressed index at most half full whose buckets keep each host's
/// hash beside its slot (a lookup reads only the profile it wants); recency is a list threaded
/// through two small arrays of slot numbers. Nothing is allocated per host, and
/// <see cref="PrefetchBucket"/>/<see cref="PrefetchProfile"/> let a caller going through a second's
/// hosts start the memory reads of the next ones early.
/// </summary>
internal sealed class HostProfileTable
{
    private const int None = -1;
    private const int InitialRoom = 1 << 10;
    private readonly int _capacity;
    private HostProfile[] _profiles;
    private int[] _newer;
    private int[] _older;

    /// <summary>The index: <see cref="TaggedBuckets"/> naming profiles.</summary>
    private ulong[] _buckets;
    private int _mask;
    private int _newest = None;
    private int _oldest = None;

    public HostProfileTable(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        var room = Math.Min(capacity, InitialRoom);
        _profiles = new HostProfile[room];
        _newer = new int[room];
        _older = new int[room];
        _buckets = new ulong[HashSize(room)];
        _mask = _buckets.Length - 1;
    }

    public int Count { get; private set; }

    public long Evicted { get; private set; }

    /// <summary>The profile in <paramref name="slot"/>, as <see cref="Touch"/> returned it; valid until the next <see cref="Touch"/>.</summary>
    public ref HostProfile this[int slot] => ref _profiles[slot];

    /// <summary>
    /// The slot of the host's profile, marked most recently active; a host without one gets one only
    /// when <paramref name="create"/> is true, else -1. One lookup either way.
    /// </summary>
    public int Touch(in NetAddress address, bool create)
    {
        var hash = (uint)address.GetHashCode();
        for (var bucket = (int)hash & _mask; _buckets[bucket] != 0; bucket = (bucket + 1) & _mask)
        {
            var entry = _buckets[bucket];
            var found = TaggedBuckets.SlotOf(entry);
            if (TaggedBuckets.HashOf(entry) == hash && _profiles[found].Address == address)
            {
                MoveToFront(found);
                return found;
            }
        }

        if (!create)
        {
            return None;
        }

        int slot;
        if (Count == _capacity)
        {
            slot = _oldest;
            Unlink(slot);
            TaggedBuckets.Delete(_buckets, _mask, (uint)_profiles[slot].Address.GetHashCode(), slot);
            Evicted++;
        }
        else
        {
            if (Count == _profiles.Length)
            {
                Grow();
            }

            slot = Count++;
        }

        _profiles[slot] = new HostProfile { Address = address };
        TaggedBuckets.Insert(_buckets, _mask, hash, slot);
        PushFront(slot);
        return slot;
    }

    /// <summary>Brings the host's index bucket toward the cache, for a lookup a few hosts later.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchBucket(uint hash) => Prefetch.Line(ref _buckets[(int)hash & _mask]);

    /// <summary>
    /// Brings the host's profile toward the cache (its bucket was prefetched earlier): the first with the
    /// host's hash in the home bucket or the next; nothing for a host without a profile.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchProfile(uint hash)
    {
        var slot = TaggedBuckets.Likely(_buckets, _mask, hash);
        if (slot >= 0)
        {
            Prefetch.Bytes(ref _profiles[slot], Unsafe.SizeOf<HostProfile>());
        }
    }

    /// <summary>Doubles the room (up to the capacity) and rebuilds the index for it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        var room = (int)Math.Min(_capacity, _profiles.Length * 2L);
        Array.Resize(ref _profiles, room);
        Array.Resize(ref _newer, room);
        Array.Resize(ref _older, room);
        _buckets = TaggedBuckets.Rehash(_buckets, HashSize(room));
        _mask = _buckets.Length - 1;
    }

    private void MoveToFront(int slot)
    {
        if (_newest != slot)
        {
            Unlink(slot);
            PushFront(slot);
        }
    }

    private void PushFront(int slot)
    {
        _newer[slot] = None;
        _older[slot] = _newest;
        if (_newest != None)
        {
            _newer[_newest] = slot;
        }

        _newest = slot;
        if (_oldest == None)
        {
            _oldest = slot;
        }
    }

    private void Unlink(int slot)
    {
        var newer = _newer[slot];
        var older = _older[slot];
        if (newer != None)
        {
            _older[newer] = older;
        }
        else
        {
            _newest = older;
        }

        if (older != None)
        {
            _newer[older] = newer;
        }
        else
        {
            _oldest = newer;
        }
    }

    /// <summary>A power of two at least twice <paramref name="room"/>: the index stays at most half full.</summary>
    private static int HashSize(int room) => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(room, 8) * 2);
}
