using NetGuard.Capture.Files;

namespace NetGuard.Capture.Tests.Support;

/// <summary>Reads a whole capture with NetGuard's reader, keeping the frames delivered before any fault.</summary>
internal static class CaptureRead
{
    public static List<FrameCopy> All(string path)
    {
        var frames = new List<FrameCopy>();
        Read(path, frames, int.MaxValue);
        return frames;
    }

    /// <summary>Frames until the end or the first <see cref="CaptureFileException"/>, which is returned in <paramref name="error"/>.</summary>
    /// <param name="mapped">True: read through a memory map, even a small file; false: through a buffer, even a large one; null: as netguard does.</param>
    public static List<FrameCopy> Until(string path, out CaptureFileException? error, int maxFrames = 1_000_000, bool? mapped = null)
    {
        var frames = new List<FrameCopy>();
        error = null;
        try
        {
            Read(path, frames, maxFrames, mapped switch { true => 0, false => long.MaxValue, null => FileInput.MapThreshold });
        }
        catch (CaptureFileException e)
        {
            error = e;
        }

        return frames;
    }

    private static void Read(string path, List<FrameCopy> frames, int maxFrames, long mapThreshold = FileInput.MapThreshold)
    {
        using var reader = CaptureFileReader.Open(path, mapThreshold);
        while (reader.TryReadNext(out var frame))
        {
            frames.Add(new FrameCopy(frame.LinkType, frame.TimestampMicros, frame.OriginalLength, frame.Data.ToArray()));
            if (frames.Count > maxFrames || reader.FramesRead != frames.Count)
            {
                throw new InvalidOperationException($"{path}: {frames.Count} frames read, FramesRead {reader.FramesRead}, at most {maxFrames} expected");
            }
        }

        if (reader.Progress != 1)
        {
            throw new InvalidOperationException($"{path}: clean end of file at progress {reader.Progress}");
        }
    }
}
