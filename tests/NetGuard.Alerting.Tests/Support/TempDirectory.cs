namespace NetGuard.Alerting.Tests.Support;

/// <summary>A short temp directory (unix socket paths are limited to 107 bytes), deleted at the end.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ng-alert-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A daemon still writing: leave it to the temp cleaner rather than fail the test.
        }
    }
}
