using System.Text.Json;
using NetGuard.Remediation.Journal;

namespace NetGuard.Remediation.Operator;

/// <summary>Reads and atomically rewrites the decisions file. A file that does not parse is reported; the caller keeps the last good one.</summary>
public static class OperatorFile
{
    public static OperatorDocument Read(string path)
    {
        if (!File.Exists(path))
        {
            return new OperatorDocument();
        }

        var text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new OperatorDocument();
        }

        try
        {
            return JsonSerializer.Deserialize(text, JournalJson.Decisions) ?? new OperatorDocument();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid decisions file ({e.Message})", e);
        }
    }

    /// <summary>
    /// Read-modify-write under an exclusive lock file, then an atomic rename: two CLI edits at once
    /// both land, and the daemon never reads half a file.
    /// </summary>
    public static OperatorDocument Update(string path, Func<OperatorDocument, OperatorDocument> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        using var lockFile = AcquireLock(path + ".lock");
        var next = change(Read(path));
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, next, JournalJson.Decisions);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return next;
    }

    private static FileStream AcquireLock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 100)
            {
                Thread.Sleep(50);
            }
        }
    }
}
