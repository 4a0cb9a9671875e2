using System.Globalization;

namespace NetGuard.Testing.Lab;

/// <summary>
/// Two network namespaces made by the test and joined by a veth pair: "a" (the sender) and "b"
/// (where NetGuard captures). Nothing else is connected, so no frame leaves them. IPv6 is off and
/// no address is set unless asked, so the link stays silent except for what the test sends.
/// Removed on dispose (deleting a namespace deletes its veth end, and that deletes the pair).
/// </summary>
public sealed class NetworkLab : IDisposable
{
    private static int _sequence;

    private NetworkLab(string prefix)
    {
        NamespaceA = prefix + "a";
        NamespaceB = prefix + "b";
        InterfaceA = prefix + "va";
        InterfaceB = prefix + "vb";
    }

    public string NamespaceA { get; }

    public string NamespaceB { get; }

    public string InterfaceA { get; }

    public string InterfaceB { get; }

    /// <summary>Why the lab cannot run here, or null when it can (root, ip, and namespaces allowed).</summary>
    public static string? Unavailable { get; } = Probe();

    /// <summary>Creates the namespaces and the link; <paramref name="subnet"/> (third octet of 10.250.x.0/24) adds addresses .1 (a) and .2 (b).</summary>
    public static NetworkLab Create(int? subnet = null)
    {
        // Names stay within IFNAMSIZ (15): "ng" + pid + "x" + sequence + "va".
        var prefix = string.Create(CultureInfo.InvariantCulture, $"ng{Environment.ProcessId % 100000}x{Interlocked.Increment(ref _sequence)}");
        var lab = new NetworkLab(prefix);
        try
        {
            lab.Setup(subnet);
            return lab;
        }
        catch
        {
            lab.Dispose();
            throw;
        }
    }

    public static string AddressA(int subnet) => string.Create(CultureInfo.InvariantCulture, $"10.250.{subnet}.1");

    public static string AddressB(int subnet) => string.Create(CultureInfo.InvariantCulture, $"10.250.{subnet}.2");

    private void Setup(int? subnet)
    {
        Ip("netns", "add", NamespaceA);
        Ip("netns", "add", NamespaceB);
        Ip("link", "add", InterfaceA, "type", "veth", "peer", "name", InterfaceB);
        Ip("link", "set", InterfaceA, "netns", NamespaceA);
        Ip("link", "set", InterfaceB, "netns", NamespaceB);
        foreach (var (ns, nic, host) in new[] { (NamespaceA, InterfaceA, 1), (NamespaceB, InterfaceB, 2) })
        {
            Exec(ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
            Exec(ns, "sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
            if (subnet is { } s)
            {
                Exec(ns, "ip", "addr", "add", string.Create(CultureInfo.InvariantCulture, $"10.250.{s}.{host}/24"), "dev", nic);
            }

            Exec(ns, "ip", "link", "set", nic, "up");
            Exec(ns, "ip", "link", "set", "lo", "up");
        }
    }

    /// <summary>Runs a program inside a namespace and fails on a non-zero exit.</summary>
    public static ProcessRunner.Result Exec(string ns, params string[] command) =>
        ProcessRunner.Run("ip", ["netns", "exec", ns, .. command], TimeSpan.FromMinutes(2)).EnsureSuccess($"ip netns exec {ns} {string.Join(' ', command)}");

    private static void Ip(params string[] args) =>
        ProcessRunner.Run("ip", args, TimeSpan.FromSeconds(30)).EnsureSuccess("ip " + string.Join(' ', args));

    public void Dispose()
    {
        ProcessRunner.Run("ip", ["netns", "del", NamespaceA], TimeSpan.FromSeconds(30));
        ProcessRunner.Run("ip", ["netns", "del", NamespaceB], TimeSpan.FromSeconds(30));
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "network namespaces need Linux";
        }

        if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("USER") != "root")
        {
            return "network namespaces need root (CI runs as root)";
        }

        if (!ProcessRunner.Exists("ip"))
        {
            return "iproute2 (ip) is not installed";
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"ngprobe{Environment.ProcessId}");
        var add = ProcessRunner.Run("ip", ["netns", "add", name], TimeSpan.FromSeconds(30));
        if (add.ExitCode != 0)
        {
            return "cannot create a network namespace: " + add.StandardError.Trim();
        }

        ProcessRunner.Run("ip", ["netns", "del", name], TimeSpan.FromSeconds(30));
        return null;
    }
}
