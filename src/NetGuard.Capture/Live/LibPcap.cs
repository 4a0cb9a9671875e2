using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGuard.Capture.Live;

/// <summary>
/// The few libpcap calls NetGuard makes itself on a handle SharpPcap opened: pcap_dispatch with an
/// unmanaged callback (no per-packet poll or marshalling), and pcap_stats (SharpPcap 6.3.1 reads
/// its struct with 8-byte fields on Linux x64, where libpcap has three 4-byte counters).
/// </summary>
internal static unsafe partial class LibPcap
{
    private const string Library = "pcap";

    static LibPcap() => NativeLibrary.SetDllImportResolver(typeof(LibPcap).Assembly, Resolve);

    /// <summary>struct pcap_stat; Windows appends a fourth field, so room is left for it.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PcapStat
    {
        public uint Received;
        public uint Dropped;
        public uint InterfaceDropped;
        public uint WindowsCaptured;
    }

    [LibraryImport(Library, EntryPoint = "pcap_dispatch")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    internal static partial int Dispatch(nint pcap, int count, delegate* unmanaged[Cdecl]<nint, nint, nint, void> callback, nint user);

    [LibraryImport(Library, EntryPoint = "pcap_stats")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    internal static partial int Stats(nint pcap, PcapStat* stats);

    [LibraryImport(Library, EntryPoint = "pcap_breakloop")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    internal static partial void BreakLoop(nint pcap);

    [LibraryImport(Library, EntryPoint = "pcap_geterr")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    internal static partial nint GetError(nint pcap);

    internal static string LastError(nint pcap) => Marshal.PtrToStringUTF8(GetError(pcap)) ?? "unknown libpcap error";

    /// <summary>Offset of caplen in struct pcap_pkthdr: after a struct timeval of two longs.</summary>
    internal static readonly int HeaderCapturedLengthOffset = OperatingSystem.IsWindows() ? 8 : 2 * nint.Size;

    internal static readonly bool HeaderHasInt32Seconds = OperatingSystem.IsWindows() || nint.Size == 4;

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return 0;
        }

        string[] candidates = OperatingSystem.IsWindows()
            ? ["wpcap", Path.Combine(Environment.SystemDirectory, "Npcap", "wpcap.dll")]
            : OperatingSystem.IsMacOS()
                ? ["libpcap.dylib", "libpcap.A.dylib"]
                : ["libpcap.so.1", "libpcap.so.0.8", "libpcap.so"];
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        return 0;
    }
}
