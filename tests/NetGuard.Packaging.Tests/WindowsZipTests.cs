using System.Buffers.Binary;
using System.IO.Compression;
using NetGuard.Testing;
using NetGuard.Testing.Lab;

namespace NetGuard.Packaging.Tests;

/// <summary>packaging/build-windows-zip.sh: the zip an operator unpacks on Windows.</summary>
public class WindowsZipTests(PackageBuilds builds)
{
    [Fact]
    public void Zip_Contents_ExeConfigDecisionsReadmeAndScripts()
    {
        if (!ProcessRunner.Exists("zip"))
        {
            Assert.Skip("zip is not installed (tests/run.sh installs it)");
        }

        var path = builds.WindowsZip;
        TestContext.Current.TestOutputHelper?.WriteLine($"build-windows-zip.sh took {builds.BuildTime("build-windows-zip.sh").TotalSeconds:F0} s; {Path.GetFileName(path)} is {new FileInfo(path).Length / 1e6:F1} MB");
        Assert.Equal($"netguard-{PackageBuilds.Version}-win-x64.zip", Path.GetFileName(path));
        var folder = $"netguard-{PackageBuilds.Version}-win-x64/";

        using var zip = ZipFile.OpenRead(path);
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName);
        Assert.Equal(
            new[] { "README.md", "configuration.md", "decisions.json", "install.ps1", "netguard.exe", "netguard.json", "uninstall.ps1" }.Select(n => folder + n).Order(StringComparer.Ordinal),
            files.Keys.Order(StringComparer.Ordinal));

        Assert.Equal(Read("config/netguard.json"), Text(files[folder + "netguard.json"]));
        Assert.Equal(Read("packaging/decisions.json"), Text(files[folder + "decisions.json"]));
        Assert.Equal(Read("packaging/windows/install.ps1"), Text(files[folder + "install.ps1"]));
        Assert.Equal(Read("packaging/windows/uninstall.ps1"), Text(files[folder + "uninstall.ps1"]));

        // A PE image for x64: "MZ", then at e_lfanew "PE\0\0" and machine 0x8664.
        using var exe = new MemoryStream();
        using (var stream = files[folder + "netguard.exe"].Open())
        {
            stream.CopyTo(exe);
        }

        var image = exe.GetBuffer().AsSpan(0, (int)exe.Length);
        Assert.True(image.Length > 10_000_000, $"netguard.exe is only {image.Length} bytes: not self-contained");
        Assert.Equal("MZ"u8.ToArray(), image[..2].ToArray());
        var pe = BinaryPrimitives.ReadInt32LittleEndian(image[0x3C..]);
        Assert.Equal("PE\0\0"u8.ToArray(), image.Slice(pe, 4).ToArray());
        Assert.Equal(0x8664, BinaryPrimitives.ReadUInt16LittleEndian(image[(pe + 4)..]));
    }

    private static string Read(string relative) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, relative));

    private static string Text(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
