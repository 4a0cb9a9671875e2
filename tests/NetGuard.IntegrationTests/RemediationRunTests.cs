using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests;

/// <summary>The daemon's decision loop end to end: an attack, a decision, an operator's command through the CLI.</summary>
public class RemediationRunTests
{
    [Fact]
    public void Run_AutoMode_BlocksTheFlooderAndRollbackThroughTheCliEndsIt()
    {
        RequireLab();
        const int Subnet = 33;
        using var lab = NetworkLab.Create(Subnet);
        using var daemon = new Daemon(lab, new Dictionary<string, string> { ["NetGuard__Remediation__Mode"] = "Auto" });
        daemon.WaitFor("Capturing on", TimeSpan.FromSeconds(30));

        NetworkLab.Exec(lab.NamespaceA, "hping3", "-q", "-S", "-p", "80", "-c", "3000", "-i", "u200", NetworkLab.AddressB(Subnet));
        var attacker = NetworkLab.AddressA(Subnet);
        var active = daemon.WaitForBlockLine(l => l.Contains(" Active ", StringComparison.Ordinal) && l.Contains(attacker, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains("syn-flood", active, StringComparison.Ordinal);

        var rollback = daemon.Cli("rollback", attacker);
        Assert.Equal(0, rollback.ExitCode);
        daemon.WaitForBlockLine(l => l.Contains(" RolledBack ", StringComparison.Ordinal) && l.Contains(attacker, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal(0, daemon.Stop());
    }

    [Fact]
    public void Run_ApproveMode_ProposesThenAppliesOnlyWhenApproved()
    {
        RequireLab();
        const int Subnet = 34;
        using var lab = NetworkLab.Create(Subnet);
        using var daemon = new Daemon(lab, new Dictionary<string, string> { ["NetGuard__Remediation__Mode"] = "Approve" });
        daemon.WaitFor("Capturing on", TimeSpan.FromSeconds(30));

        NetworkLab.Exec(lab.NamespaceA, "hping3", "-q", "-S", "-p", "80", "-c", "3000", "-i", "u200", NetworkLab.AddressB(Subnet));
        var attacker = NetworkLab.AddressA(Subnet);
        var proposed = daemon.WaitForBlockLine(l => l.Contains(" Proposed ", StringComparison.Ordinal) && l.Contains(attacker, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        daemon.WaitFor("PROPOSED block", TimeSpan.FromSeconds(5));
        var id = proposed.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

        // Nothing is applied while it waits.
        Thread.Sleep(1500);
        Assert.DoesNotContain(daemon.Cli("blocks").StandardOutput.Split('\n'), l => l.Contains(" Active ", StringComparison.Ordinal));

        Assert.Equal(0, daemon.Cli("approve", id).ExitCode);
        var active = daemon.WaitForBlockLine(l => l.StartsWith(id, StringComparison.Ordinal) && l.Contains(" Active ", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains(attacker, active, StringComparison.Ordinal);
        Assert.Equal(0, daemon.Stop());
    }

    [Fact]
    public void Run_FirewallToolMissing_StopsTheStartWithOneClearLine()
    {
        RequireLab();
        using var lab = NetworkLab.Create();

        // Without /usr/sbin on PATH there is no nft to run: the firewall cannot be prepared.
        using var daemon = new Daemon(lab, new Dictionary<string, string>
        {
            ["NetGuard__Remediation__Enforcer"] = "nftables",
            ["PATH"] = "/usr/bin:/bin",
        });
        daemon.WaitFor("firewall cannot be prepared", TimeSpan.FromSeconds(60));
        Assert.Equal(3, daemon.Stop());
        Assert.DoesNotContain("   at ", daemon.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("Capturing on", daemon.Log, StringComparison.Ordinal);
    }

    private static void RequireLab()
    {
        if (NetworkLab.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        if (!ProcessRunner.Exists("hping3"))
        {
            Assert.Skip("hping3 is not installed (.ci/run installs it)");
        }
    }
}
