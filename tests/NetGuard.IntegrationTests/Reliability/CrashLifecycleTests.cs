using NetGuard.Core.Packets;
using NetGuard.Testing.Lab;
using static NetGuard.IntegrationTests.Reliability.Reliability;

namespace NetGuard.IntegrationTests.Reliability;

/// <summary>
/// The daemon killed with SIGKILL at each step of a decision's life, with the real nftables or
/// iptables in the victim's namespace, then restarted on the same state: the firewall ends up
/// holding exactly the journal's active blocks (none lost, none revived, no orphan), and nothing
/// is left half-done. Slowed wrappers around the tools (NetGuard:Remediation:ToolDirectory) hold a
/// firewall call open so the kill lands inside it. CrashRecoveryTests covers the kill while Active
/// with a rollback and a foreign element added while the daemon is down.
/// </summary>
public class CrashLifecycleTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public void Run_KilledWhileProposedThenAfterApproval_RestartAppliesOnlyWhatWasApproved()
    {
        Require("hping3", "nft");
        const int Subnet = 60;
        using var lab = NetworkLab.Create(Subnet);
        var attacker = NetworkLab.AddressA(Subnet);
        var state = NewStateDirectory();
        var settings = Settings("Approve", "nftables");
        try
        {
            string id;
            using (var first = new Daemon(lab, settings, state) { KeepState = true })
            {
                first.WaitFor("Capturing on", Within);
                Flood(lab, Subnet);
                id = FirewallState.WaitForJournal(state, j => j.Any(d => d.State == "Proposed" && d.Target == NetPrefix.Parse(attacker)), Within, first).Single().Id;
                first.Crash();
            }

            Assert.Empty(FirewallState.Firewall(lab, "nftables"));

            // Restarted: the proposal still waits, and nothing is applied on its own.
            using (var second = new Daemon(lab, settings, state) { KeepState = true })
            {
                second.WaitFor("Capturing on", Within);
                Assert.Equal("Proposed", FirewallState.Journal(state).Single(d => d.Id == id).State);
                Assert.Empty(FirewallState.Firewall(lab, "nftables"));
                second.Crash();
            }

            // A crash right after "Approved" was journalled, before the firewall call began.
            FirewallState.SetState(state, id, "Approved");
            using var third = new Daemon(lab, settings, state) { KeepState = true };
            third.WaitFor("Capturing on", Within);
            FirewallState.WaitForJournal(state, j => j.Single(d => d.Id == id).State == "Active", Within, third);
            FirewallState.AssertMatches(lab, "nftables", state);
            Assert.Equal(0, third.Stop());
        }
        finally
        {
            DeleteDirectory(state);
        }
    }

    [Theory]
    [InlineData("nftables", 61)]
    [InlineData("iptables", 62)]
    public void Run_KilledDuringApplying_RestartFinishesTheBlock(string enforcer, int subnet)
    {
        Require("hping3", Tool(enforcer));
        using var lab = NetworkLab.Create(subnet);
        using var tools = FirewallTools.Create(enforcer);
        var attacker = NetworkLab.AddressA(subnet);
        var state = NewStateDirectory();
        var settings = Settings("Approve", enforcer, tools);
        try
        {
            string id;
            using (var first = new Daemon(lab, settings, state) { KeepState = true })
            {
                first.WaitFor("Capturing on", Within);
                Flood(lab, subnet);
                id = FirewallState.WaitForJournal(state, j => j.Any(d => d.State == "Proposed"), Within, first).Single().Id;
                tools.Stall(ApplyPattern(enforcer));
                Assert.Equal(0, first.Cli("approve", id).ExitCode);
                var stalled = tools.WaitForStall(Within);
                first.Crash();
                FirewallTools.KillStalled(stalled);
            }

            Assert.Equal("Applying", FirewallState.Journal(state).Single(d => d.Id == id).State);
            Assert.Empty(FirewallState.Firewall(lab, enforcer));

            tools.Pass();
            using var second = new Daemon(lab, settings, state) { KeepState = true };
            second.WaitFor("Capturing on", Within);
            FirewallState.WaitForJournal(state, j => j.Single(d => d.Id == id).State == "Active", Within, second);
            FirewallState.AssertMatches(lab, enforcer, state);
            Assert.Contains(FirewallState.Firewall(lab, enforcer), r => r.Target == NetPrefix.Parse(attacker));
            Assert.Equal(0, second.Stop());
        }
        finally
        {
            DeleteDirectory(state);
        }
    }

    /// <summary>Killed inside the rollback's firewall call; the call is killed too, or completes while NetGuard is dead.</summary>
    [Theory]
    [InlineData("nftables", 63, false)]
    [InlineData("iptables", 64, true)]
    public void Run_KilledDuringRollback_RestartEndsRolledBackAndNeverRevived(string enforcer, int subnet, bool callCompletes)
    {
        Require("hping3", Tool(enforcer));
        using var lab = NetworkLab.Create(subnet);
        using var tools = FirewallTools.Create(enforcer);
        var attacker = NetworkLab.AddressA(subnet);
        var state = NewStateDirectory();
        var settings = Settings("Auto", enforcer, tools);
        try
        {
            string id;
            using (var first = new Daemon(lab, settings, state) { KeepState = true })
            {
                first.WaitFor("Capturing on", Within);
                Flood(lab, subnet);
                id = FirewallState.WaitForJournal(state, j => j.Any(d => d.State == "Active"), Within, first).Single().Id;
                tools.Stall(RemovePattern(enforcer), unless: ApplyPattern(enforcer));
                Assert.Equal(0, first.Cli("rollback", attacker).ExitCode);
                var stalled = tools.WaitForStall(Within);
                first.Crash();
                if (callCompletes)
                {
                    FirewallTools.Release(stalled);
                    WaitUntil(() => FirewallState.Firewall(lab, enforcer).Count == 0, "the released removal to complete");
                }
                else
                {
                    FirewallTools.KillStalled(stalled);
                    Assert.Single(FirewallState.Firewall(lab, enforcer));
                }
            }

            Assert.Equal("Active", FirewallState.Journal(state).Single(d => d.Id == id).State);
            tools.Pass();
            var applies = tools.CountCalls(ApplyPattern(enforcer));
            using var second = new Daemon(lab, settings, state) { KeepState = true };
            second.WaitFor("Capturing on", Within);
            FirewallState.WaitForJournal(state, j => j.Single(d => d.Id == id).State == "RolledBack", Within, second);
            FirewallState.AssertMatches(lab, enforcer, state);
            Assert.Empty(FirewallState.Firewall(lab, enforcer));
            Assert.Single(FirewallState.Journal(state));

            // Not even for a moment: the restart acts on the pending rollback before it reconciles.
            Assert.Equal(applies, tools.CountCalls(ApplyPattern(enforcer)));

            // Stays rolled back: the next reconciliation (every 5 s here) does not bring it back.
            Thread.Sleep(TimeSpan.FromSeconds(6));
            Assert.Empty(FirewallState.Firewall(lab, enforcer));
            Assert.Equal(0, second.Stop());
        }
        finally
        {
            DeleteDirectory(state);
        }
    }

    /// <summary>Killed inside the expiry's firewall call (a manual block with a 6-second TTL).</summary>
    [Theory]
    [InlineData("iptables", 65, false)]
    [InlineData("nftables", 66, true)]
    public void Run_KilledDuringExpiry_RestartEndsExpired(string enforcer, int subnet, bool callCompletes)
    {
        Require(Tool(enforcer));
        using var lab = NetworkLab.Create(subnet);
        using var tools = FirewallTools.Create(enforcer);
        const string Target = "198.51.100.66";
        var state = NewStateDirectory();
        var settings = Settings("Monitor", enforcer, tools);
        try
        {
            string id;
            using (var first = new Daemon(lab, settings, state) { KeepState = true })
            {
                first.WaitFor("Capturing on", Within);
                tools.Stall(RemovePattern(enforcer), unless: ApplyPattern(enforcer));
                Assert.Equal(0, first.Cli("block", Target, "--ttl", "00:00:06", "--reason", "expiry crash test").ExitCode);
                id = FirewallState.WaitForJournal(state, j => j.Any(d => d.State == "Active"), Within, first).Single().Id;
                var stalled = tools.WaitForStall(Within);
                first.Crash();
                if (callCompletes)
                {
                    FirewallTools.Release(stalled);
                }
                else
                {
                    FirewallTools.KillStalled(stalled);
                    Assert.Single(FirewallState.Firewall(lab, enforcer));
                }
            }

            Assert.Equal("Active", FirewallState.Journal(state).Single(d => d.Id == id).State);
            tools.Pass();
            using var second = new Daemon(lab, settings, state) { KeepState = true };
            second.WaitFor("Capturing on", Within);
            FirewallState.WaitForJournal(state, j => j.Single(d => d.Id == id).State == "Expired", Within, second);
            FirewallState.AssertMatches(lab, enforcer, state);
            Assert.Empty(FirewallState.Firewall(lab, enforcer));
            Assert.Equal(0, second.Stop());
        }
        finally
        {
            DeleteDirectory(state);
        }
    }

    /// <summary>iptables has no kernel TTL: a block deleted by a firewall reload while NetGuard is dead, and a rule it never made.</summary>
    [Fact]
    public void Run_KilledWhileActiveWithIptables_RestartRepairsLostBlockAndOrphan()
    {
        Require("hping3", "iptables");
        const int Subnet = 67;
        using var lab = NetworkLab.Create(Subnet);
        var attacker = NetworkLab.AddressA(Subnet);
        var state = NewStateDirectory();
        var settings = Settings("Auto", "iptables");
        try
        {
            using (var first = new Daemon(lab, settings, state) { KeepState = true })
            {
                first.WaitFor("Capturing on", Within);
                Flood(lab, Subnet);
                FirewallState.WaitForJournal(state, j => j.Any(d => d.State == "Active"), Within, first);
                first.Crash();
            }

            Assert.Single(FirewallState.Firewall(lab, "iptables"));
            NetworkLab.Exec(lab.NamespaceB, "iptables", "-w", "-F", "NETGUARD");
            NetworkLab.Exec(lab.NamespaceB, "iptables", "-w", "-A", "NETGUARD", "-s", "10.250.67.99", "-m", "comment", "--comment", "ng-20260101-000000-001", "-j", "DROP");

            using var second = new Daemon(lab, settings, state) { KeepState = true };
            second.WaitFor("Capturing on", Within);
            second.WaitFor("drift", Within);
            FirewallState.AssertMatches(lab, "iptables", state);
            Assert.Equal(NetPrefix.Parse(attacker), Assert.Single(FirewallState.Firewall(lab, "iptables")).Target);
            Assert.Equal(0, second.Stop());
        }
        finally
        {
            DeleteDirectory(state);
        }
    }

    /// <summary>Killed as the flood is first alerted (somewhere between Proposed and Active), then again while the block holds, the flood going on throughout.</summary>
    [Fact]
    public void Run_KilledTwiceDuringAFlood_EndsWithOneBlockMatchingTheJournal()
    {
        Require("hping3", "nft");
        const int Subnet = 68;
        using var lab = NetworkLab.Create(Subnet);
        var attacker = NetworkLab.AddressA(Subnet);
        var state = NewStateDirectory();
        var settings = Settings("Auto", "nftables");
        var flood = BackgroundFlood(lab, Subnet, seconds: 90);
        try
        {
            using (var first = new Daemon(lab, settings, state) { KeepState = true })
            {
                first.WaitFor("ALERT syn-flood " + attacker, Within);
                first.Crash();
            }

            output.WriteLine("after the first kill: " + string.Join("; ", FirewallState.Journal(state)));
            using (var second = new Daemon(lab, settings, state) { KeepState = true })
            {
                FirewallState.WaitForJournal(state, j => j.Any(d => d.State == "Active"), Within, second);
                second.Crash();
            }

            using var third = new Daemon(lab, settings, state) { KeepState = true };
            third.WaitFor("Capturing on", Within);
            Thread.Sleep(TimeSpan.FromSeconds(3));
            Assert.False(flood.HasExited, "the flood must still run");
            var journal = FirewallState.Journal(state);
            output.WriteLine("after the restart: " + string.Join("; ", journal));

            // Auto mode, one crash between "Proposed" and "Approved" would leave a proposal that waits
            // for an operator; either way there is exactly one live decision for the attacker.
            Assert.Single(journal, d => d.Target == NetPrefix.Parse(attacker) && d.State is "Proposed" or "Active");
            FirewallState.AssertMatches(lab, "nftables", state);
            Assert.Equal(0, third.Stop());
        }
        finally
        {
            Reliability.Stop(flood);
            DeleteDirectory(state);
        }
    }

    /// <summary>Hundreds of manual blocks, then as many rollbacks, each burst cut by a SIGKILL part-way.</summary>
    [Fact]
    public void Run_KilledDuringBurstsOfRuleChanges_RestartConvergesToTheJournal()
    {
        Require("nft");
        const int Blocks = 200;
        using var lab = NetworkLab.Create(69);
        var state = NewStateDirectory();
        var settings = Settings("Monitor", "nftables");
        var targets = Enumerable.Range(0, Blocks).Select(i => $"198.18.{i / 200}.{(i % 200) + 1}").ToList();
        var decisionsFile = Path.Combine(state, "decisions.json");
        try
        {
            using (var first = new Daemon(lab, settings, state) { KeepState = true })
            {
                first.WaitFor("Capturing on", Within);
                WriteDecisions(decisionsFile, targets, rollback: false);
                FirewallState.WaitForJournal(state, j => j.Count(d => d.State == "Active") >= Blocks / 4, TimeSpan.FromSeconds(90), first);
                first.Crash();
            }

            Thread.Sleep(500);
            AssertCutDuringApply(lab, state);

            using (var second = new Daemon(lab, settings, state) { KeepState = true })
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                FirewallState.WaitForJournal(state, j => j.Count(d => d.State == "Active") == Blocks, TimeSpan.FromSeconds(120), second);
                output.WriteLine($"restart finished the burst of {Blocks} blocks in {clock.Elapsed.TotalSeconds:F1} s");
                FirewallState.AssertMatches(lab, "nftables", state);
                Assert.Equal(Blocks, FirewallState.Firewall(lab, "nftables").Count);

                WriteDecisions(decisionsFile, targets, rollback: true);
                FirewallState.WaitForJournal(state, j => j.Count(d => d.State == "RolledBack") >= Blocks / 4, TimeSpan.FromSeconds(90), second);
                second.Crash();
            }

            Thread.Sleep(500);
            AssertCutDuringRollback(lab, state);

            using var third = new Daemon(lab, settings, state) { KeepState = true };
            FirewallState.WaitForJournal(state, j => j.Count(d => d.State == "RolledBack") == Blocks, TimeSpan.FromSeconds(120), third);
            FirewallState.AssertMatches(lab, "nftables", state);
            Assert.Empty(FirewallState.Firewall(lab, "nftables"));
            Assert.Equal(Blocks, FirewallState.Journal(state).Count);
            Assert.Equal(0, third.Stop());
        }
        finally
        {
            DeleteDirectory(state);
        }
    }

    /// <summary>Mid-burst of blocks: every Active one is in the firewall; what is there is Active or the one call in flight.</summary>
    private static void AssertCutDuringApply(NetworkLab lab, string state)
    {
        var journal = FirewallState.Journal(state);
        var firewall = FirewallState.Firewall(lab, "nftables").Select(r => r.Target).ToHashSet();
        Assert.All(journal.Where(d => d.State == "Active"), d => Assert.Contains(d.Target, firewall));
        Assert.True(journal.Count(d => d.State is "Applying" or "Approved") <= 1, string.Join('\n', journal));
        Assert.All(firewall, t => Assert.Contains(journal, d => d.Target == t && d.State is "Active" or "Applying"));
    }

    /// <summary>Mid-burst of rollbacks: nothing rolled back is in the firewall; at most the one removal in flight is gone while still Active.</summary>
    private static void AssertCutDuringRollback(NetworkLab lab, string state)
    {
        var journal = FirewallState.Journal(state);
        var firewall = FirewallState.Firewall(lab, "nftables").Select(r => r.Target).ToHashSet();
        Assert.All(journal.Where(d => d.State == "RolledBack"), d => Assert.DoesNotContain(d.Target, firewall));
        Assert.All(firewall, t => Assert.Contains(journal, d => d.Target == t && d.State == "Active"));
        Assert.True(journal.Count(d => d.State == "Active" && !firewall.Contains(d.Target)) <= 1, string.Join('\n', journal));
    }

    private static void WriteDecisions(string path, List<string> targets, bool rollback)
    {
        var blocks = string.Join(",\n", targets.Select(t => $$"""    { "target": "{{t}}", "ttl": "02:00:00", "reason": "burst" }"""));
        var rollbacks = rollback ? string.Join(", ", targets.Select(t => $"\"{t}\"")) : "";
        File.WriteAllText(path + ".tmp", $$"""{ "approve": [], "reject": [], "rollback": [{{rollbacks}}], "block": [{{"\n"}}{{blocks}}] }""");
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static string ApplyPattern(string enforcer) => enforcer == "nftables" ? " comment \"" : "-A NETGUARD";

    private static string RemovePattern(string enforcer) => enforcer == "nftables" ? "delete element" : "-D NETGUARD";

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Within;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"timed out waiting for {what}");
            }

            Thread.Sleep(100);
        }
    }
}
