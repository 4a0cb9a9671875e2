using NetGuard.Capture.Files;
using NetGuard.Capture.Tests.Support;
using static NetGuard.Capture.Tests.Support.Faults;

namespace NetGuard.Capture.Tests.Files;

/// <summary>Captures of a megabyte or more are memory-mapped: the same frames as a buffered read, the same faults.</summary>
public class MappedFileTests
{
    private const int Frames = 20_000; // 20,000 × 76 bytes: about 1.5 MB, past the map threshold

    [Fact]
    public void Open_LargeCapture_IsMappedAndReadsEveryFrameAsTheBufferDoes()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("large.pcap", Large());

        Assert.True(new FileInfo(path).Length >= FileInput.MapThreshold);
        var mapped = CaptureRead.Until(path, out var mappedError, maxFrames: Frames, mapped: true);
        var buffered = CaptureRead.Until(path, out var bufferedError, maxFrames: Frames, mapped: false);
        Assert.Null(mappedError);
        Assert.Null(bufferedError);
        Assert.Equal(Frames, mapped.Count);
        Assert.Equal(buffered, mapped);
    }

    [Fact]
    public void FileInput_LargeFile_IsMapped_SmallFile_IsBuffered()
    {
        using var dir = new TempDirectory();
        using (var large = new FileInput(dir.Write("large.pcap", Large())))
        {
            Assert.True(large.IsMapped);
        }

        using var small = new FileInput(dir.Write("small.pcap", CaptureBytes.Pcap(w => w.Write(1_000_000, Frame))));
        Assert.False(small.IsMapped);
    }

    [Fact]
    public void TryReadNext_LargeCaptureCutInARecord_EveryFrameBeforeThenTruncated()
    {
        var bytes = Large()[..^30];

        AssertFails(bytes, "large.pcap", [.. Enumerable.Range(1, Frames - 1).Select(Copy)], $"truncated pcap file: packet {Frames} needs 60 bytes but only 30 remain");
    }

    private static byte[] Large() => CaptureBytes.Pcap(w =>
    {
        for (var i = 1; i <= Frames; i++)
        {
            w.Write(i * 1_000_000L, Frame);
        }
    });

    private static FrameCopy Copy(int i) => new(NetGuard.Core.Packets.LinkType.Ethernet, i * 1_000_000L, 60, Frame);
}
