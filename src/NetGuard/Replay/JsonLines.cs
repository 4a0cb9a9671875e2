using System.Globalization;
using System.Text.Json;

namespace NetGuard.Replay;

/// <summary>Writes one JSON object per line to a stream (stdout for the replay contract).</summary>
internal sealed class JsonLines : IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;

    public JsonLines(Stream stream)
    {
        _stream = new BufferedStream(stream, 1 << 16);
        _writer = new Utf8JsonWriter(_stream, new JsonWriterOptions { Indented = false, SkipValidation = false });
    }

    /// <summary>Starts a line's object with its "type".</summary>
    public Utf8JsonWriter Begin(string type)
    {
        _writer.WriteStartObject();
        _writer.WriteString("type", type);
        return _writer;
    }

    public void End()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        _stream.Write(NewLine);
        _writer.Reset();
    }

    public void Flush() => _stream.Flush();

    /// <summary>ISO-8601 UTC with microseconds, the precision of capture timestamps.</summary>
    public static string Time(long unixMicros) =>
        DateTime.UnixEpoch.AddTicks(unixMicros * 10).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Flush();
        _stream.Dispose();
    }
}
