using System.Runtime.CompilerServices;
using NetGuard.Capture.Files;

namespace NetGuard.Benchmarks.Pipeline;

/// <summary>
/// Variants of the product's file path that src/ does not expose, built through its internals so
/// that a proposed change can be measured before anyone edits src/: here, the read buffer's size
/// (FileInput allocates up to 256 KiB since fc8c927, 4 MiB before).
/// </summary>
internal static class Experiments
{
    /// <summary>Opens a classic pcap file as <see cref="CaptureFileReader.Open"/> does, but with a read buffer of <paramref name="bufferBytes"/>.</summary>
    public static CaptureFileReader OpenPcap(string path, int bufferBytes)
    {
        var input = new FileInput(path);
        BufferOf(input) = new byte[bufferBytes];
        return new PcapReader(input);
    }

    /// <summary>A file source over <see cref="OpenPcap"/>.</summary>
    public static FileCaptureSource OpenSource(string path, int bufferBytes) => NewSource(path, OpenPcap(path, bufferBytes));

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_buffer")]
    private static extern ref byte[] BufferOf(FileInput input);

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    private static extern FileCaptureSource NewSource(string path, CaptureFileReader reader);
}
