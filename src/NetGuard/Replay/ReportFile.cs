using System.Diagnostics.CodeAnalysis;
using System.Text;
using NetGuard.Reporting;

namespace NetGuard.Replay;

/// <summary>
/// The file <c>replay --report</c> writes. Created before the replay starts (as a temporary file
/// beside it), so a bad path fails at once rather than after a long replay; renamed into place once
/// complete, so a reader never sees half a report.
/// </summary>
internal sealed class ReportFile : IDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private FileStream? _stream;

    private ReportFile(string path, string temporary, FileStream stream)
    {
        _path = path;
        _temporary = temporary;
        _stream = stream;
    }

    public static bool TryCreate(string path, [NotNullWhen(true)] out ReportFile? file, [NotNullWhen(false)] out string? error)
    {
        file = null;
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        if (Directory.Exists(full))
        {
            error = $"cannot write the report to {path}: it is a directory";
            return false;
        }

        if (!Directory.Exists(directory))
        {
            error = $"cannot write the report to {path}: no such directory {directory}";
            return false;
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            file = new ReportFile(full, temporary, new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None));
            error = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot write the report to {path}: {(e is UnauthorizedAccessException ? "permission denied" : e.Message)}";
            return false;
        }
    }

    /// <summary>Writes the page and moves it into place; returns its size in bytes.</summary>
    public long Write(ReportRecorder recorder, ReportSummary summary)
    {
        var stream = _stream ?? throw new InvalidOperationException("The report was already written.");
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16))
        {
            recorder.WriteHtml(writer, summary);
        }

        _stream = null;
        File.Move(_temporary, _path, overwrite: true);
        return new FileInfo(_path).Length;
    }

    public void Dispose()
    {
        if (_stream is not null)
        {
            _stream.Dispose();
            _stream = null;
            File.Delete(_temporary);
        }
    }
}
