using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace NetGuard.Aggregation.Tables;

/// <summary>
/// A hint to the CPU to bring a cache line in now, so that a table lookup a few packets later finds it
/// there. A hint never faults, so a stale address (a table grown or moved since) costs nothing but the hint.
/// </summary>
internal static unsafe class Prefetch
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Line<T>(ref T target)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref target));
        }
    }
}
