using System.Text.Json;

namespace NetGuard.Remediation.Journal;

/// <summary>
/// The decision journal under the state directory, written atomically at every transition:
/// write a temporary file, flush it to disk, rename it over the journal, flush the directory.
/// A crash leaves either the old journal or the new one, never half of one.
/// </summary>
internal sealed class DecisionJournal
{
    public const string FileName = "journal.json";

    public DecisionJournal(string directory)
    {
        Directory = directory;
        Path = System.IO.Path.Combine(directory, FileName);
    }

    private DecisionJournal()
    {
        Directory = "";
        Path = "";
        IsInMemory = true;
    }

    public string Directory { get; }

    public string Path { get; }

    /// <summary>Replay keeps its decisions in memory: it must never touch the daemon's journal.</summary>
    public bool IsInMemory { get; }

    public static DecisionJournal InMemory() => new();

    /// <summary>Reads the journal; an absent one is empty. A journal that cannot be read stops the start: state is never silently dropped.</summary>
    public JournalDocument Load()
    {
        if (IsInMemory || !File.Exists(Path))
        {
            return new JournalDocument();
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(Path), JournalJson.Journal)
                ?? throw new JsonException("the file is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Path}: the decision journal cannot be read ({e.Message}); fix or move it aside, NetGuard will not start over it.", e);
        }
    }

    public void Save(JournalDocument document)
    {
        if (IsInMemory)
        {
            return;
        }

        System.IO.Directory.CreateDirectory(Directory);
        var temporary = Path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            JsonSerializer.Serialize(stream, document, JournalJson.Journal);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path, overwrite: true);
        FlushDirectory();
    }

    /// <summary>Makes the rename durable (POSIX: fsync the directory). Windows has no directory handles to flush.</summary>
    private void FlushDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var handle = File.OpenHandle(Directory, FileMode.Open, FileAccess.Read);
            RandomAccess.FlushToDisk(handle);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // Some file systems refuse to open directories; the rename itself is still atomic.
        }
    }
}
