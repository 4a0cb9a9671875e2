using System.Buffers.Binary;

namespace NetGuard.Capture.Files;

/// <summary>
/// Reads frames from a pcap or pcapng file. The format is chosen by the file's magic number,
/// never by its name: real captures are often named for the other format.
/// </summary>
public abstract class CaptureFileReader : IDisposable
{
    /// <summary>Largest frame accepted; libpcap's own ceiling is 256 KiB for most link types.</summary>
    protected const int MaxFrameLength = 1 << 20;

    private protected CaptureFileReader(FileInput input)
    {
        Input = input;
    }

    private protected FileInput Input { get; }

    /// <summary>The file's format, for messages: "pcap" or "pcapng".</summary>
    public abstract string Format { get; }

    /// <summary>Share of the file read so far, 0 to 1; read from other threads for progress only.</summary>
    public double Progress => Input.Length == 0 ? 1 : (double)Input.Position / Input.Length;

    /// <summary>Frames returned so far.</summary>
    public long FramesRead { get; protected set; }

    /// <summary>
    /// Reads the next frame. Returns false at a clean end of file; throws <see cref="CaptureFileException"/>
    /// when the file is truncated or corrupt, after every frame before the fault was returned.
    /// </summary>
    public abstract bool TryReadNext(out CaptureFrame frame);

    /// <summary>Opens <paramref name="path"/>, sniffing the format from its first four bytes.</summary>
    public static CaptureFileReader Open(string path) => Open(path, FileInput.MapThreshold);

    /// <summary>As <see cref="Open(string)"/>, mapping the file from <paramref name="mapThreshold"/> bytes (tests read small files both ways).</summary>
    internal static CaptureFileReader Open(string path, long mapThreshold)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileInput input;
        try
        {
            input = new FileInput(path, mapThreshold);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CaptureFileException($"{path}: cannot open: {e.Message}", e);
        }

        try
        {
            if (input.Length == 0)
            {
                throw new CaptureFileException($"{path}: the file is empty, not a capture.");
            }

            var magic = input.Peek(4);
            if (magic.IsEmpty)
            {
                throw new CaptureFileException($"{path}: the file is {input.Length} bytes long, too short to be a capture.");
            }

            var value = BinaryPrimitives.ReadUInt32LittleEndian(magic);
            CaptureFileReader reader = value switch
            {
                PcapngReader.SectionHeaderType => new PcapngReader(input),
                0xA1B2C3D4 or 0xD4C3B2A1 or 0xA1B23C4D or 0x4D3CB2A1 => new PcapReader(input),
                _ => throw new CaptureFileException(
                    $"{path}: not a pcap or pcapng file (it starts with 0x{BinaryPrimitives.ReadUInt32BigEndian(magic):X8}; compressed captures must be uncompressed first)."),
            };
            return reader;
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    private protected CaptureFileException Corrupt(string what) =>
        new($"{Input.Path}: corrupt {Format} file at byte {Input.Position} after {FramesRead} packets: {what}.");

    private protected CaptureFileException Truncated(string what) =>
        new($"{Input.Path}: truncated {Format} file: {what} at byte {Input.Position} after {FramesRead} packets (file is {Input.Length} bytes).");

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Input.Dispose();
        }
    }
}
