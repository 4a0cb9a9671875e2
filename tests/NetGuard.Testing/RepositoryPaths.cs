namespace NetGuard.Testing;

/// <summary>Paths inside the repository, found from the test binaries' location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// netguard.dll as copied into the test's own output by its project reference, so the tests
    /// always run the build they were compiled against. Run it with "dotnet".
    /// </summary>
    public static string NetguardDll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "netguard.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("netguard.dll is not beside the test binaries; reference src/NetGuard from the test project.");
        }
    }

    /// <summary>
    /// How to start netguard: <c>dotnet netguard.dll</c> beside the tests, or the executable named by
    /// the environment variable <c>NETGUARD_EXE</c> (the ahead-of-time compiled binary the package
    /// ships), so the same tests can check that build too.
    /// </summary>
    public static IReadOnlyList<string> NetguardCommand
    {
        get
        {
            var exe = Environment.GetEnvironmentVariable("NETGUARD_EXE");
            if (string.IsNullOrEmpty(exe))
            {
                return ["dotnet", NetguardDll];
            }

            return File.Exists(exe) ? [Path.GetFullPath(exe)] : throw new FileNotFoundException($"NETGUARD_EXE names {exe}, which does not exist.");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetGuard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("NetGuard.sln not found above " + AppContext.BaseDirectory);
    }
}
