namespace NetGuard.Testing;

/// <summary>
/// Finds ../shared/data (public evaluation data beside the repository). A clone of the project
/// alone does not have it; tests that use it skip with a message saying so.
/// </summary>
public static class SharedData
{
    public const string MissingMessage = "../shared/data is absent (public evaluation data beside the repository); this test needs it.";

    public static string? Directory { get; } = Find();

    public static string? Pcaps => Directory is null ? null : Path.Combine(Directory, "pcaps");

    public static IReadOnlyList<string> PcapFiles() =>
        Pcaps is null || !System.IO.Directory.Exists(Pcaps)
            ? []
            : [.. System.IO.Directory.GetFiles(Pcaps).Where(f => f.EndsWith(".pcap", StringComparison.Ordinal) || f.EndsWith(".pcapng", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("NETGUARD_SHARED_DATA");
        if (env is not null && System.IO.Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetGuard.sln")))
            {
                var candidate = Path.Combine(dir.FullName, "..", "shared", "data");
                return System.IO.Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
            }
        }

        return null;
    }
}
