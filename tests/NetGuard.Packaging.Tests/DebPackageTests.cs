using System.Diagnostics;
using NetGuard.Testing;
using NetGuard.Testing.Lab;

namespace NetGuard.Packaging.Tests;

/// <summary>packaging/build-deb.sh: what the package holds, lintian, and dpkg -i, check-config, dpkg --purge as CI does.</summary>
public class DebPackageTests(PackageBuilds builds)
{
    private static readonly string[] PackagedFiles =
    [
        "/usr/lib/netguard/netguard", "/usr/bin/netguard", "/lib/systemd/system/netguard.service",
        "/etc/netguard/netguard.json", "/etc/netguard/decisions.json",
        "/usr/share/doc/netguard/README.md", "/usr/share/doc/netguard/configuration.md",
        "/usr/share/doc/netguard/copyright", "/usr/share/doc/netguard/changelog.gz", "/usr/share/man/man1/netguard.1.gz",
    ];

    [Fact]
    public void Deb_Contents_BinaryUnitConffilesAndDocsOwnedByRoot()
    {
        if (DebianHost.CannotBuild is { } reason)
        {
            Assert.Skip(reason);
        }

        var deb = builds.Deb;
        Log($"build-deb.sh took {builds.BuildTime("build-deb.sh").TotalSeconds:F0} s; {Path.GetFileName(deb)} is {new FileInfo(deb).Length / 1e6:F1} MB");
        Assert.Equal($"netguard_{PackageBuilds.Version}_amd64.deb", Path.GetFileName(deb));

        // Lines like "-rwxr-xr-x root/root 76908282 2026-11-28 20:20 ./usr/lib/netguard/netguard".
        var entries = Run("dpkg-deb", ["-c", deb]).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(f => f[5].Split(" -> ")[0].TrimStart('.').TrimEnd('/'), f => (Mode: f[0], Owner: f[1], Target: f[5].Contains(" -> ", StringComparison.Ordinal) ? f[5].Split(" -> ")[1] : null));
        foreach (var path in PackagedFiles)
        {
            Assert.True(entries.ContainsKey(path), $"{path} is not in the package");
        }

        Assert.All(entries.Values, e => Assert.Equal("root/root", e.Owner));
        Assert.Equal("-rwxr-xr-x", entries["/usr/lib/netguard/netguard"].Mode);
        Assert.Equal("../lib/netguard/netguard", entries["/usr/bin/netguard"].Target);

        Assert.Equal(PackageBuilds.Version, Run("dpkg-deb", ["-f", deb, "Version"]).StandardOutput.Trim());
        var depends = Run("dpkg-deb", ["-f", deb, "Depends"]).StandardOutput;
        Assert.Contains("libpcap0.8", depends, StringComparison.Ordinal);
        Assert.Contains("nftables | iptables", depends, StringComparison.Ordinal);
        Assert.Equal(["/etc/netguard/netguard.json", "/etc/netguard/decisions.json"], Run("dpkg-deb", ["-I", deb, "conffiles"]).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // The packaged files are the repository's, byte for byte.
        var root = Directory.CreateTempSubdirectory("netguard-deb-x-").FullName;
        try
        {
            Run("dpkg-deb", ["-x", deb, root]);
            Assert.Equal(Read("config/netguard.json"), File.ReadAllText(Path.Combine(root, "etc/netguard/netguard.json")));
            Assert.Equal(Read("packaging/decisions.json"), File.ReadAllText(Path.Combine(root, "etc/netguard/decisions.json")));
            Assert.Equal(Read("systemd/netguard.service"), File.ReadAllText(Path.Combine(root, "lib/systemd/system/netguard.service")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Deb_Lintian_NoErrorsOrWarnings()
    {
        if (DebianHost.CannotBuild is { } reason)
        {
            Assert.Skip(reason);
        }

        if (!ProcessRunner.Exists("lintian"))
        {
            Assert.Skip("lintian is not installed (optional: apt-get install lintian)");
        }

        var result = ProcessRunner.Run("lintian", [builds.Deb], TimeSpan.FromMinutes(3));
        var findings = result.StandardOutput.Split('\n').Where(l => l.StartsWith("E: ", StringComparison.Ordinal) || l.StartsWith("W: ", StringComparison.Ordinal)).ToList();
        Assert.True(findings.Count == 0, "lintian: " + string.Join("; ", findings));
    }

    [Fact]
    public void Deb_InstallCheckConfigAndPurge_InstallsUserAndConffilesThenLeavesNothing()
    {
        if (DebianHost.CannotInstall is { } reason)
        {
            Assert.Skip(reason);
        }

        var deb = builds.Deb;
        PurgeLeftover();
        var clock = Stopwatch.StartNew();
        var install = ProcessRunner.Run("dpkg", ["-i", deb], TimeSpan.FromMinutes(3));
        if (install.ExitCode != 0)
        {
            // Dependencies missing on this machine (tests/run.sh installs them): let apt finish the install.
            ProcessRunner.Run("env", ["DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-f", "-y", "-q"], TimeSpan.FromMinutes(5))
                .EnsureSuccess($"dpkg -i failed ({install.StandardError.Trim()}), then apt-get install -f");
        }

        Log($"dpkg -i took {clock.Elapsed.TotalSeconds:F1} s");
        try
        {
            Assert.Equal("install ok installed", Run("dpkg-query", ["-W", "-f=${Status}", "netguard"]).StandardOutput.Trim());
            var check = ProcessRunner.Run("/usr/bin/netguard", ["check-config", "/etc/netguard/netguard.json"], TimeSpan.FromMinutes(1));
            Assert.True(check.ExitCode == 0, check.StandardError + check.StandardOutput);
            Assert.Contains("configuration ok", check.StandardOutput, StringComparison.Ordinal);
            Assert.StartsWith(PackageBuilds.Version, Run("/usr/bin/netguard", ["--version"]).StandardOutput, StringComparison.Ordinal);

            var user = Run("getent", ["passwd", "netguard"]).StandardOutput.Trim().Split(':');
            Assert.Equal(("/var/lib/netguard", "/usr/sbin/nologin"), (user[5], user[6]));
            Assert.Equal(0, ProcessRunner.Run("getent", ["group", "netguard"]).ExitCode);

            var listed = Run("dpkg-query", ["-L", "netguard"]).StandardOutput.Split('\n', StringSplitOptions.TrimEntries);
            Assert.All(PackagedFiles, path => Assert.Contains(path, listed));
            var conffiles = Run("dpkg-query", ["-W", "-f=${Conffiles}", "netguard"]).StandardOutput;
            Assert.Contains(" /etc/netguard/netguard.json ", conffiles, StringComparison.Ordinal);
            Assert.Contains(" /etc/netguard/decisions.json ", conffiles, StringComparison.Ordinal);

            // The daemon (group netguard) reads config and decisions; only root edits them; the journal is the daemon's.
            Assert.Equal(
                ["root:netguard 750", "root:netguard 640", "root:netguard 640", "netguard:netguard 750"],
                Run("stat", ["-c", "%U:%G %a", "/etc/netguard", "/etc/netguard/netguard.json", "/etc/netguard/decisions.json", "/var/lib/netguard"]).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));

            RunAsServiceUser();
        }
        finally
        {
            clock.Restart();
            var purge = ProcessRunner.Run("dpkg", ["--purge", "netguard"], TimeSpan.FromMinutes(3));
            Log($"dpkg --purge took {clock.Elapsed.TotalSeconds:F1} s");
            Assert.True(purge.ExitCode == 0, "dpkg --purge failed: " + purge.StandardError);
        }

        Assert.NotEqual(0, ProcessRunner.Run("dpkg-query", ["-W", "-f=${Status}", "netguard"]).ExitCode);
        Assert.False(Directory.Exists("/etc/netguard"), "/etc/netguard is still there after purge");
        Assert.False(Directory.Exists("/var/lib/netguard"), "/var/lib/netguard is still there after purge");
        Assert.False(File.Exists("/usr/lib/netguard/netguard"), "the binary is still there after purge");
        Assert.Equal(2, ProcessRunner.Run("getent", ["passwd", "netguard"]).ExitCode);
        Assert.Equal(2, ProcessRunner.Run("getent", ["group", "netguard"]).ExitCode);
    }

    /// <summary>
    /// The service as systemd would run it (user netguard, CAP_NET_RAW and CAP_NET_ADMIN only, the
    /// packaged config), on loopback: it reads its configuration and writes its journal.
    /// </summary>
    private static void RunAsServiceUser()
    {
        string[] arguments =
        [
            "--reuid", "netguard", "--regid", "netguard", "--init-groups",
            "--inh-caps", "+net_raw,+net_admin", "--ambient-caps", "+net_raw,+net_admin",
            "/usr/bin/netguard", "run", "--config", "/etc/netguard/netguard.json",
        ];
        using var service = new ServiceProcess("setpriv", arguments, new Dictionary<string, string> { ["NetGuard__Capture__Interfaces__0"] = "lo" });
        service.WaitFor("Capturing on lo", TimeSpan.FromSeconds(60));

        // The journal is written once the decisions file has been read, which may come just after capture starts.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!File.Exists("/var/lib/netguard/journal.json") && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        var exitCode = service.Stop();
        Assert.True(exitCode == 0, $"exit {exitCode}: {service.Log}");
        Assert.Equal("netguard", Run("stat", ["-c", "%U", "/var/lib/netguard/journal.json"]).StandardOutput.Trim());
    }

    /// <summary>A package (or its configuration) left by an earlier run that failed half-way.</summary>
    private static void PurgeLeftover()
    {
        var status = ProcessRunner.Run("dpkg-query", ["-W", "-f=${Status}", "netguard"]);
        if (status.ExitCode == 0 && !status.StandardOutput.Trim().EndsWith("not-installed", StringComparison.Ordinal))
        {
            Log($"purging a netguard package left by an earlier run ({status.StandardOutput.Trim()})");
            Run("dpkg", ["--purge", "netguard"]);
        }
    }

    private static ProcessRunner.Result Run(string program, string[] arguments) =>
        ProcessRunner.Run(program, arguments, TimeSpan.FromMinutes(3)).EnsureSuccess(program + " " + string.Join(' ', arguments));

    private static string Read(string relative) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, relative));

    private static void Log(string message) => TestContext.Current.TestOutputHelper?.WriteLine(message);
}
