using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests;

/// <summary>SIGKILL the daemon with a block active, change things while it is down, restart it: the firewall follows the journal.</summary>
public class CrashRecoveryTests
{
    [Fact]
    public void Run_KilledWithActiveBlock_RestartKeepsJournalTruthAndRemovesOrphans()
    {
        if (NetworkLab.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        foreach (var tool in new[] { "hping3", "nft", "ping" })
        {
            if (!ProcessRunner.Exists(tool))
            {
                Assert.Skip($"{tool} is not installed (.ci/run installs it)");
            }
        }

        const int Subnet = 37;
        using var lab = NetworkLab.Create(Subnet);
        var attacker = NetworkLab.AddressA(Subnet);
        var settings = new Dictionary<string, string> { ["NetGuard__Remediation__Mode"] = "Auto", ["NetGuard__Remediation__Enforcer"] = "nftables" };
        string state;
        Dictionary<string, string> environment;
        using (var first = new Daemon(lab, settings) { KeepState = true })
        {
            state = first.StateDirectory;
            environment = first.Environment;
            first.WaitFor("Capturing on", TimeSpan.FromSeconds(30));
            NetworkLab.Exec(lab.NamespaceA, "hping3", "-q", "-S", "-p", "80", "-c", "3000", "-i", "u200", NetworkLab.AddressB(Subnet));
            first.WaitForBlockLine(l => l.Contains(" Active ", StringComparison.Ordinal) && l.Contains(attacker, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
            first.Crash();
        }

        try
        {
            // The kernel keeps the block while the daemon is dead.
            Assert.Contains(attacker, Set(lab), StringComparison.Ordinal);

            // While it is down: an operator asks for a rollback, and someone adds an element NetGuard never decided.
            Assert.Equal(0, Daemon.RunCli(environment, "rollback", attacker).ExitCode);
            NetworkLab.Exec(lab.NamespaceB, "nft", "add", "element", "inet", "netguard", "blocked4", "{", "10.250.37.99", "}");

            using var third = new Daemon(lab, settings, state);
            third.WaitFor("Capturing on", TimeSpan.FromSeconds(30));
            third.WaitForBlockLine(l => l.Contains(" RolledBack ", StringComparison.Ordinal) && l.Contains(attacker, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
            third.WaitFor("drift", TimeSpan.FromSeconds(20));
            var set = Set(lab);
            Assert.DoesNotContain(attacker, set, StringComparison.Ordinal);
            Assert.DoesNotContain("10.250.37.99", set, StringComparison.Ordinal);
            Assert.Equal(0, ProcessRunner.Run("ip", ["netns", "exec", lab.NamespaceA, "ping", "-c", "1", "-W", "1", NetworkLab.AddressB(Subnet)], TimeSpan.FromSeconds(10)).ExitCode);
            Assert.Equal(0, third.Stop());
        }
        finally
        {
            if (Directory.Exists(state))
            {
                Directory.Delete(state, recursive: true);
            }
        }
    }

    private static string Set(NetworkLab lab) => NetworkLab.Exec(lab.NamespaceB, "nft", "list", "set", "inet", "netguard", "blocked4").StandardOutput;
}
