using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using Microsoft.Win32.SafeHandles;

namespace NetGuard.Capture.Files;

/// <summary>
/// Sequential reads of a capture file. Callers ask for a number of bytes at the current position and
/// get a span that stays valid until the next call. A file of at least <see cref="MapThreshold"/> is
/// memory-mapped: frames are read where the page cache holds them, with no copy (the copy was a third
/// of a replay's reading thread); smaller files, and any file that cannot be mapped, go through one
/// reusable buffer. A mapped file is read up to the length it had when it was opened.
/// </summary>
internal sealed unsafe partial class FileInput : IDisposable
{
    /// <summary>Files this large or larger are mapped; below it a buffer is cheaper than setting up a map.</summary>
    public const long MapThreshold = 1 << 20;

    // 256 KiB: large enough that a read costs little per packet, small enough to stay out of the way
    // of the aggregator's tables in the shared cache (4 MiB made whole replays twice as slow; measured).
    private const int DefaultBufferSize = 256 << 10;
    private readonly SafeFileHandle _handle;
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _mapped;
    private byte[] _buffer = [];
    private long _released;
    private long _mappedAhead;
    private long _prefetched;
    private int _start;
    private int _end;
    private long _fileOffset;

    public FileInput(string path, long mapThreshold = MapThreshold)
    {
        Path = path;
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
        Length = RandomAccess.GetLength(_handle);
        if (Length > 0 && Length >= mapThreshold && TryMap(_handle, Length, out _map, out _view, out _mapped))
        {
            return;
        }

        // A small file gets a small buffer; Fill grows it if a record is larger.
        _buffer = new byte[(int)Math.Clamp(Length, 64 << 10, DefaultBufferSize)];
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>The file is read in place through a memory map rather than copied into a buffer.</summary>
    public bool IsMapped => _mapped is not null;

    /// <summary>Offset in the file of the next unread byte.</summary>
    public long Position => IsMapped ? _fileOffset : _fileOffset - (_end - _start);

    /// <summary>Bytes available without touching the file again (for a mapped file: all that remain).</summary>
    public int Buffered => IsMapped ? (int)Math.Min(int.MaxValue, Length - _fileOffset) : _end - _start;

    public bool AtEnd => IsMapped ? _fileOffset >= Length : _start == _end && _fileOffset >= Length;

    /// <summary>Returns the next <paramref name="count"/> bytes without consuming them, or an empty span if the file ends first.</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        if (IsMapped)
        {
            ReleaseBehind();
            ReadAhead();
            return Length - _fileOffset < count ? default : new ReadOnlySpan<byte>(_mapped + _fileOffset, count);
        }

        if (_end - _start < count && !Fill(count))
        {
            return default;
        }

        return _buffer.AsSpan(_start, count);
    }

    /// <summary>Returns and consumes the next <paramref name="count"/> bytes, or an empty span if the file ends first.</summary>
    public ReadOnlySpan<byte> Take(int count)
    {
        var span = Peek(count);
        if (IsMapped)
        {
            _fileOffset += span.Length;
        }
        else
        {
            _start += span.Length;
        }

        return span;
    }

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

    /// <summary>
    /// Drops the pages already read from this process's mapping, every <see cref="ReleaseChunk"/>: they
    /// stay in the page cache, but the process's resident memory no longer grows with the file (a
    /// 667 MiB capture would otherwise count whole in its RSS). Spans handed out earlier are past their
    /// validity by now (they last until the next call), so nothing still in use is released.
    /// </summary>
    private void ReleaseBehind()
    {
        if (_fileOffset - _released < ReleaseChunk || !OperatingSystem.IsLinux())
        {
            return;
        }

        var upTo = _fileOffset & ~((long)Environment.SystemPageSize - 1);
        _ = Madvise(_mapped + _released, (nuint)(upTo - _released), DontNeedAdvice);
        _released = upTo;
    }

    /// <summary>
    /// Keeps the bytes <see cref="PrefetchDistance"/> ahead of the reader on their way into the cache.
    /// Records have varying lengths, so where the next record header lies is known only once this one
    /// is read: without this, every header is a wait on memory, one after another (93% of the reading
    /// thread's own time was that one load; measured with perf). The hints are non-temporal: the file is
    /// read once, and should not push the aggregator's tables out of the shared cache. Hints are dropped
    /// on pages not yet mapped, so the pages are mapped a chunk ahead too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ReadAhead()
    {
        var target = Math.Min(_fileOffset + PrefetchDistance, Length);
        if (_prefetched >= target)
        {
            return;
        }

        if (target > _mappedAhead)
        {
            MapAhead(target);
        }

        if (Sse.IsSupported)
        {
            for (var line = Math.Max(_prefetched, _fileOffset); line < target; line += CacheLine)
            {
                Sse.PrefetchNonTemporal(_mapped + line);
            }
        }

        _prefetched = target;
    }

    /// <summary>
    /// Maps the next <see cref="MapAheadChunk"/> of the file into the page tables by reading one byte
    /// per <see cref="FaultStep"/>: each such page fault maps the pages around it as well (Linux maps
    /// 64 KiB around a fault in a file that is in the page cache). That cost a sixth less kernel time
    /// than asking for the same pages with MADV_POPULATE_READ (measured, 5M-packet replay). Where the
    /// system maps less around a fault, this only moves some faults earlier.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MapAhead(long target)
    {
        var to = Math.Min(Math.Max(target, _mappedAhead + MapAheadChunk), Length);
        for (var at = _mappedAhead; at < to; at += FaultStep)
        {
            _ = Volatile.Read(ref _mapped[at]);
        }

        _mappedAhead = to;
    }

    /// <summary>Maps the whole file read-only; false (and the buffered path) where the file cannot be mapped, such as a pipe.</summary>
    private static bool TryMap(SafeFileHandle handle, long length, out MemoryMappedFile? map, out MemoryMappedViewAccessor? view, out byte* pointer)
    {
        map = null;
        view = null;
        pointer = null;
        try
        {
            map = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            pointer += view.PointerOffset;
            if (OperatingSystem.IsLinux())
            {
                // Read-ahead for a file read front to back; only a hint, so its result does not matter.
                _ = Madvise(pointer - view.PointerOffset, (nuint)(length + view.PointerOffset), SequentialAdvice);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            if (pointer is not null)
            {
                view!.SafeMemoryMappedViewHandle.ReleasePointer();
                pointer = null;
            }

            view?.Dispose();
            map?.Dispose();
            view = null;
            map = null;
            return false;
        }
    }

    private const int SequentialAdvice = 2; // MADV_SEQUENTIAL
    private const int DontNeedAdvice = 4; // MADV_DONTNEED
    private const long ReleaseChunk = 16 << 20;
    private const int PrefetchDistance = 4 << 10;
    private const long MapAheadChunk = 512 << 10;
    private const int FaultStep = 64 << 10;
    private const int CacheLine = 64;

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);

    public void Dispose()
    {
        if (_mapped is not null)
        {
            _view!.SafeMemoryMappedViewHandle.ReleasePointer();
        }

        _view?.Dispose();
        _map?.Dispose();
        _handle.Dispose();
    }
}
