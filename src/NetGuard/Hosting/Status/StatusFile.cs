using System.Text.Json;

namespace NetGuard.Hosting.Status;

/// <summary>
/// <c>status.json</c> in the state directory: replaced atomically (temporary file, then rename) so a
/// reader never sees half of it. It is a view, not a record, so it is not synced to disk.
/// </summary>
internal static class StatusFile
{
    public const string Name = "status.json";

    /// <summary>The daemon rewrites the file every second; one older than this belongs to a daemon that is gone.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(5);

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
    };

    public static string PathIn(string stateDirectory) => Path.Combine(stateDirectory, Name);

    public static void Write(string path, DaemonStatus status)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(status, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The status in <paramref name="path"/>, or null when there is none.</summary>
    public static DaemonStatus? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<DaemonStatus>(File.ReadAllBytes(path), Json);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a NetGuard status file: {e.Message}", e);
        }
    }
}
