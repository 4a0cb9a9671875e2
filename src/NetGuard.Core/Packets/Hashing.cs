using System.Runtime.CompilerServices;

namespace NetGuard.Core.Packets;

/// <summary>A 64-bit finaliser (MurmurHash3's fmix64): every input bit moves every output bit, so masking the low bits is safe.</summary>
public static class Hashing
{
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
