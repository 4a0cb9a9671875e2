using Microsoft.Win32.SafeHandles;

namespace NetGuard.Capture.Files;

/// <summary>
/// Sequential reads of a file through one large reusable buffer. Callers ask for a number of
/// bytes at the current position and get a span into the buffer that stays valid until the next call.
/// </summary>
internal sealed class FileInput : IDisposable
{
    // 256 KiB: large enough that a read costs little per packet, small enough to stay out of the way
    // of the aggregator's tables in the shared cache (4 MiB made whole replays twice as slow; measured).
    private const int DefaultBufferSize = 256 << 10;
    private readonly SafeFileHandle _handle;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _fileOffset;

    public FileInput(string path)
    {
        Path = path;
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
        Length = RandomAccess.GetLength(_handle);
        // A small file gets a small buffer; Fill grows it if a record is larger.
        _buffer = new byte[(int)Math.Clamp(Length, 64 << 10, DefaultBufferSize)];
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>Offset in the file of the next unread byte.</summary>
    public long Position => _fileOffset - (_end - _start);

    /// <summary>Bytes available without touching the file again.</summary>
    public int Buffered => _end - _start;

    /// <summary>Returns the next <paramref name="count"/> bytes without consuming them, or an empty span if the file ends first.</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        if (_end - _start < count && !Fill(count))
        {
            return default;
        }

        return _buffer.AsSpan(_start, count);
    }

    /// <summary>Returns and consumes the next <paramref name="count"/> bytes, or an empty span if the file ends first.</summary>
    public ReadOnlySpan<byte> Take(int count)
    {
        if (_end - _start < count && !Fill(count))
        {
            return default;
        }

        var span = _buffer.AsSpan(_start, count);
        _start += count;
        return span;
    }

    public bool AtEnd => _start == _end && _fileOffset >= Length;

    private bool Fill(int count)
    {
        var have = _end - _start;
        if (count > _buffer.Length)
        {
            var bigger = new byte[Math.Max(count, _buffer.Length * 2)];
            _buffer.AsSpan(_start, have).CopyTo(bigger);
            _buffer = bigger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, have).CopyTo(_buffer);
        }

        _start = 0;
        _end = have;
        while (_end < count)
        {
            var read = RandomAccess.Read(_handle, _buffer.AsSpan(_end), _fileOffset);
            if (read == 0)
            {
                return false;
            }

            _end += read;
            _fileOffset += read;
        }

        return true;
    }

    public void Dispose() => _handle.Dispose();
}
