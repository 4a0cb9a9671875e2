using System.Globalization;
using NetGuard.Core.Remediation;
using NetGuard.Testing.Lab;

namespace NetGuard.Enforcers.Linux.Tests.Lab;

/// <summary>
/// One network namespace made by the test, where every firewall command of the test runs (never in
/// the machine's own namespace). Deleting it on dispose deletes every table and chain made in it.
/// </summary>
internal sealed class FirewallNamespace : IDisposable
{
    private static int _sequence;

    private FirewallNamespace(string name) => Name = name;

    public string Name { get; }

    /// <summary>Runs programs inside this namespace.</summary>
    public ICommandRunner Runner => new ProcessCommandRunner(["ip", "netns", "exec", Name]);

    /// <summary>Skips the test unless namespaces can be made here and <paramref name="tools"/> are installed.</summary>
    public static FirewallNamespace Create(params string[] tools)
    {
        Require(tools);
        var name = string.Create(CultureInfo.InvariantCulture, $"ngf{Environment.ProcessId % 100000}x{Interlocked.Increment(ref _sequence)}");
        ProcessRunner.Run("ip", ["netns", "add", name], TimeSpan.FromSeconds(30)).EnsureSuccess("ip netns add " + name);
        var ns = new FirewallNamespace(name);
        try
        {
            ns.Exec("ip", "link", "set", "lo", "up");
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

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
                Assert.Skip($"{tool} is not installed (apt-get install nftables iptables)");
            }
        }
    }

    /// <summary>Runs a program inside the namespace and fails the test on a non-zero exit.</summary>
    public string Exec(params string[] command) => NetworkLab.Exec(Name, command).StandardOutput;

    /// <summary>Runs a program inside the namespace with <paramref name="input"/> on its standard input; fails the test on a non-zero exit.</summary>
    public string ExecInput(string input, params string[] command) =>
        ProcessRunner.Run("ip", ["netns", "exec", Name, .. command], TimeSpan.FromMinutes(1), input)
            .EnsureSuccess($"ip netns exec {Name} {string.Join(' ', command)}").StandardOutput;

    /// <summary>Runs a program inside the namespace and returns its result whatever the exit.</summary>
    public ProcessRunner.Result Try(params string[] command) =>
        ProcessRunner.Run("ip", ["netns", "exec", Name, .. command], TimeSpan.FromMinutes(1));

    public void Dispose() => ProcessRunner.Run("ip", ["netns", "del", Name], TimeSpan.FromSeconds(30));
}
