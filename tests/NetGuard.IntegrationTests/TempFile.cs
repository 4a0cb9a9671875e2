namespace NetGuard.IntegrationTests;

/// <summary>A file path under /tmp deleted (with any sibling made from its name) when the test ends.</summary>
internal sealed class TempFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netguard-it-" + Guid.NewGuid().ToString("N") + ".pcap");

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path) + "*"))
        {
            File.Delete(file);
        }
    }
}
