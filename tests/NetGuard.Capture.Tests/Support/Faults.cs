using NetGuard.Capture.Files;
using NetGuard.Core.Packets;

namespace NetGuard.Capture.Tests.Support;

/// <summary>
/// Shared frames and the one assertion of the fault tests: a <see cref="CaptureFileException"/> whose one-line
/// message starts with the path and says what is wrong, after exactly the frames before the fault.
/// </summary>
internal static class Faults
{
    public static readonly byte[] Frame = [.. Enumerable.Range(0, 60).Select(i => (byte)(i ^ 0x5C))];

    public static readonly FrameCopy First = new(LinkType.Ethernet, 1_000_000, 60, Frame);

    public static readonly FrameCopy Second = new(LinkType.Ethernet, 2_000_000, 60, Frame);

    public static void AssertFails(byte[] bytes, string name, FrameCopy[] before, params string[] says)
    {
        using var dir = new TempDirectory();
        var path = dir.Write(name, bytes);

        // Read through a buffer and through a memory map: the same frames, then the same message.
        foreach (var mapped in new[] { false, true })
        {
            var frames = CaptureRead.Until(path, out var error, mapped: mapped);
            AssertFault(path, frames, error, before, says);
        }
    }

    private static void AssertFault(string path, List<FrameCopy> frames, CaptureFileException? error, FrameCopy[] before, string[] says)
    {
        Assert.NotNull(error);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        foreach (var text in says)
        {
            Assert.Contains(text, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, frames);
    }
}
