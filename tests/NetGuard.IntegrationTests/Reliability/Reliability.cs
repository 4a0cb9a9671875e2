using System.Diagnostics;
using System.Globalization;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests.Reliability;

/// <summary>What the reliability tests share: skips, daemon settings, traffic, and measuring a process.</summary>
internal static class Reliability
{
    /// <summary>Skips (with the reason) where namespaces or a tool are unavailable.</summary>
    public static void Require(params string[] tools)
    {
        if (NetworkLab.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        foreach (var tool in tools)
        {
            if (!ProcessRunner.Exists(tool))
            {
                Assert.Skip($"{tool} is not installed (.ci/run installs it)");
            }
        }
    }

    /// <summary>The firewall tool an enforcer needs on PATH.</summary>
    public static string Tool(string enforcer) => enforcer == "nftables" ? "nft" : "iptables";

    /// <summary>Daemon settings for a firewall test: the mode, the enforcer, and optionally wrapped tools.</summary>
    public static Dictionary<string, string> Settings(string mode, string enforcer, FirewallTools? tools = null, string timeout = "00:01:00")
    {
        var settings = new Dictionary<string, string>
        {
            ["NetGuard__Remediation__Mode"] = mode,
            ["NetGuard__Remediation__Enforcer"] = enforcer,
            // These tests read iptables rules per block; the ipset variant has its own tests.
            ["NetGuard__Remediation__Ipset"] = "false",
            ["NetGuard__Remediation__EnforcerTimeout"] = timeout,
        };
        if (tools is not null)
        {
            settings["NetGuard__Remediation__ToolDirectory"] = tools.Directory;
        }

        return settings;
    }

    /// <summary>A short SYN flood (3,000 SYNs in about a second) from A, or from <paramref name="source"/> spoofed by A.</summary>
    public static void Flood(NetworkLab lab, int subnet, string? source = null)
    {
        if (source is null)
        {
            NetworkLab.Exec(lab.NamespaceA, "hping3", "-q", "-S", "-p", "80", "-c", "3000", "-i", "u200", NetworkLab.AddressB(subnet));
            return;
        }

        // Replies to a spoofed source go nowhere, and hping3 exits 1 when it receives none.
        var result = ProcessRunner.Run("ip", ["netns", "exec", lab.NamespaceA, "hping3", "-q", "-S", "-p", "80", "-c", "3000", "-i", "u200", "-a", source, NetworkLab.AddressB(subnet)], TimeSpan.FromMinutes(1));
        Assert.True((result.StandardOutput + result.StandardError).Contains("3000 packets transmitted", StringComparison.Ordinal), result.StandardOutput + result.StandardError);
    }

    /// <summary>A SYN flood from A running in the background until disposed (killed by its process id), at most <paramref name="seconds"/>.</summary>
    public static Process BackgroundFlood(NetworkLab lab, int subnet, int seconds)
    {
        var count = (seconds * 5000).ToString(CultureInfo.InvariantCulture);
        var process = ProcessRunner.Start("ip", ["netns", "exec", lab.NamespaceA, "hping3", "-q", "-S", "-p", "80", "-c", count, "-i", "u200", NetworkLab.AddressB(subnet)]);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        process.Dispose();
    }

    /// <summary>Peak resident memory of a live process (VmHWM), in bytes.</summary>
    public static long PeakRss(int pid) => Status(pid, "VmHWM");

    /// <summary>A memory figure from /proc/PID/status ("VmHWM", "RssAnon", "RssFile", "RssShmem"), in bytes.</summary>
    public static long Status(int pid, string field)
    {
        var line = File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Runs a test body with a state directory that outlives the daemons it is given to, deleted at the end.</summary>
    public static string NewStateDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "netguard-it-state-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
