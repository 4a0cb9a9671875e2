namespace NetGuard.Capture.Tests.Support;

/// <summary>A private directory for a test's files, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Root = Directory.CreateTempSubdirectory("netguard-capture-tests-").FullName;
    }

    public string Root { get; }

    public string PathOf(string name) => Path.Combine(Root, name);

    public string Write(string name, ReadOnlySpan<byte> bytes)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
