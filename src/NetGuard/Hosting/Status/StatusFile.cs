using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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
        TypeInfoResolver = StatusJsonContext.Default,
    };

    public static JsonTypeInfo<DaemonStatus> StatusInfo { get; } = (JsonTypeInfo<DaemonStatus>)Json.GetTypeInfo(typeof(DaemonStatus));

    /// <summary>One line: <c>status --json</c> when no daemon runs.</summary>
    public static JsonTypeInfo<NotRunningStatus> NotRunningInfo { get; } =
        (JsonTypeInfo<NotRunningStatus>)new JsonSerializerOptions(Json) { WriteIndented = false }.GetTypeInfo(typeof(NotRunningStatus));

    public static string PathIn(string stateDirectory) => Path.Combine(stateDirectory, Name);

    public static void Write(string path, DaemonStatus status)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(status, StatusInfo));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The status in <paramref name="path"/>, or null when there is none.</summary>
    public static DaemonStatus? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), StatusInfo);
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

/// <summary><c>status --json</c> when no daemon runs.</summary>
internal sealed record NotRunningStatus(bool Running, string Reason);

/// <summary>Source-generated metadata for the status file (options come from <see cref="StatusFile.Json"/>): no reflection in the native binary.</summary>
[JsonSerializable(typeof(DaemonStatus))]
[JsonSerializable(typeof(NotRunningStatus))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
