using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace NetGuard.Core.Packets;

/// <summary>A 64-bit finaliser (MurmurHash3's fmix64): every input bit moves every output bit, so masking the low bits is safe.</summary>
public static class Hashing
{
    /// <summary>
    /// A secret drawn once per process and mixed into every address hash (and so into every flow and
    /// pair hash built from them). A spoofed IPv6 source is 128 bits the attacker chooses: with an
    /// unkeyed hash they could pick thousands of sources that all land in one probe run of the host or
    /// flow index and stall aggregation. Keyed, not cryptographic; no output depends on hash values
    /// (tables hand out slots in arrival order), so replays stay deterministic.
    /// </summary>
    internal static readonly ulong Key = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(sizeof(ulong)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }
}
