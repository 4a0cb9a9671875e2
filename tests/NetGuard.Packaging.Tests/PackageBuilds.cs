using System.Diagnostics;
using NetGuard.Testing;
using NetGuard.Testing.Lab;

namespace NetGuard.Packaging.Tests;

/// <summary>
/// Builds the .deb and the Windows zip with the scripts in packaging/, each at most once per test
/// run and only when a test asks for it, one at a time (both publishes build the same projects).
/// A failed build is remembered, so the tests after it fail at once with its output.
/// </summary>
public sealed class PackageBuilds : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("netguard-packages-").FullName;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string? Path, string? Error, TimeSpan Took)> _built = [];

    /// <summary>netguard_VERSION_amd64.deb from packaging/build-deb.sh.</summary>
    public string Deb => Build("build-deb.sh");

    /// <summary>netguard-VERSION-win-x64.zip from packaging/build-windows-zip.sh.</summary>
    public string WindowsZip => Build("build-windows-zip.sh");

    public static string Version { get; } = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "VERSION")).Trim();

    /// <summary>How long the script took, for the test log.</summary>
    public TimeSpan BuildTime(string script)
    {
        lock (_lock)
        {
            return _built.TryGetValue(script, out var built) ? built.Took : TimeSpan.Zero;
        }
    }

    private string Build(string script)
    {
        lock (_lock)
        {
            if (!_built.TryGetValue(script, out var built))
            {
                var clock = Stopwatch.StartNew();
                var result = ProcessRunner.Run("bash", [Path.Combine(RepositoryPaths.Root, "packaging", script), _output], TimeSpan.FromMinutes(6));
                var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                built = result.ExitCode == 0 && lines.Length > 0 && File.Exists(lines[^1])
                    ? (lines[^1], null, clock.Elapsed)
                    : (null, $"packaging/{script} failed (exit {result.ExitCode}): {result.StandardError.Trim()} {result.StandardOutput.Trim()}", clock.Elapsed);
                _built[script] = built;
            }

            return built.Path ?? throw new InvalidOperationException(built.Error);
        }
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);
}
