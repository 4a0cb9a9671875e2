using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace NetGuard.Core.Packets;

/// <summary>
/// A hint to the CPU to bring a cache line in now, so that a table lookup a few packets later finds it
/// there (the aggregator's tables, detection's host profiles). A hint never faults, so a stale address (a table grown or moved since) costs nothing but the hint.
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

    /// <summary>
    /// Brings in every line that the first <paramref name="length"/> bytes at <paramref name="target"/>
    /// touch (a struct need not start on a line). Works on the address alone: taking a field's address
    /// instead would load the line first, which is the wait this was meant to avoid.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Bytes<T>(ref T target, int length)
    {
        if (Sse.IsSupported)
        {
            var p = (byte*)Unsafe.AsPointer(ref target);
            for (var offset = 0; offset < length; offset += LineSize)
            {
                Sse.Prefetch0(p + offset);
            }

            Sse.Prefetch0(p + length - 1);
        }
    }

    private const int LineSize = 64;
}
