using NetGuard.Capture.Decoding;
using NetGuard.Core.Capture;
using NetGuard.Core.Pipeline;

namespace NetGuard.Capture.Files;

/// <summary>Replays a pcap or pcapng file at full speed through the same decoder as live capture.</summary>
public sealed class FileCaptureSource : IPacketSource
{
    private const int CancellationCheckMask = 0xFFFF;
    private readonly CaptureFileReader _reader;

    private FileCaptureSource(string path, CaptureFileReader reader)
    {
        Name = path;
        _reader = reader;
    }

    public string Name { get; }

    public string Format => _reader.Format;

    /// <summary>Share of the file read so far, 0 to 1.</summary>
    public double Progress => _reader.Progress;

    public BackpressureMode Backpressure => BackpressureMode.Wait;

    public KernelStatistics KernelStatistics => default;

    /// <summary>Opens the file and reads its header, so that a bad file fails before the pipeline starts.</summary>
    public static FileCaptureSource Open(string path) => new(path, CaptureFileReader.Open(path));

    public void Run(BatchWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        try
        {
            long n = 0;
            while (_reader.TryReadNext(out var frame))
            {
                var status = PacketDecoder.Decode(frame.LinkType, frame.Data, frame.TimestampMicros, out var record);
                writer.Add(status, record, frame.TimestampMicros, frame.OriginalLength);
                if ((++n & CancellationCheckMask) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        finally
        {
            writer.Flush();
        }
    }

    public void Dispose() => _reader.Dispose();
}
