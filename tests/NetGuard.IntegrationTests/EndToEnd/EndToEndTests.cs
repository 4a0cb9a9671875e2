using System.Globalization;
using System.Net;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests.EndToEnd;

/// <summary>
/// The daemon as an operator runs it, against real attack tools: hping3 floods, an nmap scan, a
/// spoofed-source flood and a large download, between network namespaces the test creates, with a
/// real firewall and a real rsyslog in the victim's namespace. Figures are printed and written to
/// e2e-results/*.json beside the test binaries (README "End to end" quotes them).
/// </summary>
public sealed class EndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ToolLimit = TimeSpan.FromSeconds(40);

    [Theory]
    [InlineData("nftables", 40)]
    [InlineData("iptables", 41)]
    public void Run_AutoMode_SingleSourceAttackersBlockedBenignClientServed(string enforcer, int subnet)
    {
        Require(enforcer);
        using var lab = AttackLab.Start(enforcer, "Auto", subnet);
        var report = new ScenarioReport { Scenario = $"auto-{enforcer}", Enforcer = enforcer, Mode = "Auto" };
        var client = lab.StartBenignClient();
        Thread.Sleep(Baseline);
        var attacksStart = lab.Timeline.Now;

        // About 500 packets a second (the scan 400 ports a second), each stopped 2 s after its block is
        // seen; the counts (about 20 s) bound them if no block comes.
        report.Attacks.Add(lab.Attack("SYN flood (hping3)", "syn-flood", lab.SynFlooder,
            ["hping3", "-q", "-S", "-p", "80", "-i", "u2000", "-c", "10000", "-a", lab.SynFlooder, lab.Victim], ToolLimit));
        Pause();
        report.Attacks.Add(lab.Attack("UDP flood (hping3)", "udp-flood", lab.UdpFlooder,
            ["hping3", "-q", "--udp", "-p", "53", "-i", "u2000", "-c", "10000", "-a", lab.UdpFlooder, lab.Victim], ToolLimit));
        Pause();
        report.Attacks.Add(lab.Attack("ICMP flood (hping3)", "icmp-flood", lab.IcmpFlooder,
            ["hping3", "-q", "--icmp", "-i", "u2000", "-c", "10000", "-a", lab.IcmpFlooder, lab.Victim], ToolLimit));
        Pause();
        report.Attacks.Add(lab.Attack("SYN port scan (nmap)", "port-scan", lab.Scanner,
            ["nmap", "-sS", "-Pn", "-n", "-p", "1-8000", "--min-rate", "400", "--max-rate", "400", "--max-retries", "0",
             "--host-timeout", "25s", "-e", lab.Lab.InterfaceA, "-S", lab.Scanner, lab.Victim], ToolLimit));
        Pause();

        // Random sources, one packet each: an alert on the victim, no block of any of them.
        var spoofStart = lab.Timeline.Now;
        const int Spoofed = 5000;
        using (var spoof = new AttackProcess(lab.Lab.NamespaceA, ["hping3", "-q", "-S", "-p", "80", "--rand-source", "-i", "u1000", "-c", Spoofed.ToString(CultureInfo.InvariantCulture), lab.Victim]))
        {
            spoof.Finish(ToolLimit);
        }

        var spoofAlert = lab.Timeline.WaitForLog(l => l.Contains($"ALERT distributed-flood {lab.Victim} (destination)", StringComparison.Ordinal), spoofStart, AttackLab.Within);
        var spoofSyslog = lab.Timeline.WaitForSyslog(m => AttackLab.IsAlert(m, "distributed-flood", lab.Victim), spoofStart, AttackLab.Within);
        report.SpoofedAlertSeconds = AttackLab.Seconds(spoofAlert?.At - spoofStart);
        report.SpoofedSourcesSent = Spoofed;
        var blockedAfterSpoof = lab.Counters.Blocked(enforcer);
        report.ActiveBlocksAfterSpoofedFlood = blockedAfterSpoof.Count;
        Pause();

        // A large legitimate download by the benign client while it keeps browsing.
        var download = Curl.Fetch(lab.Lab.NamespaceA, lab.Web.Url(VictimWebServer.LargeFile), TimeSpan.FromSeconds(60), limitRate: "16M");
        report.DownloadBytes = download.Bytes;
        report.DownloadSeconds = download.Seconds;
        report.DownloadStatus = (int?)download.Status;
        var attacksEnd = lab.Timeline.Now;

        // The operator rolls the SYN flooder's block back by its id: the block goes, its traffic flows again.
        var syn = report.Attacks[0];
        var servedWhileBlocked = Curl.Fetch(lab.Lab.NamespaceA, lab.Web.Url(VictimWebServer.Page), TimeSpan.FromSeconds(1), from: lab.SynFlooder).Status == HttpStatusCode.OK;
        var rollbackStart = lab.Timeline.Now;
        var rollback = lab.Daemon.Cli("rollback", syn.DecisionId ?? "no-decision");
        report.RollbackCommandSeconds = AttackLab.Seconds(lab.Timeline.Now - rollbackStart);
        var rolledBack = lab.Timeline.WaitForLog(l => l.Contains($"Decision {syn.DecisionId} ", StringComparison.Ordinal) && l.Contains(": RolledBack ", StringComparison.Ordinal), rollbackStart, AttackLab.Within);
        report.RollbackAppliedSeconds = AttackLab.Seconds(rolledBack?.At - rollbackStart);
        var deliveredBeforeRollback = lab.Counters.Read(lab.SynFlooder).Delivered;
        var flows = WaitUntil(() => Curl.Fetch(lab.Lab.NamespaceA, lab.Web.Url(VictimWebServer.Page), TimeSpan.FromSeconds(1), from: lab.SynFlooder).Status == HttpStatusCode.OK, AttackLab.Within);
        report.RollbackTrafficSeconds = flows ? AttackLab.Seconds(lab.Timeline.Now - rollbackStart) : null;
        var blockedAfterRollback = lab.Counters.Blocked(enforcer);

        client.Stop();
        (report.BenignOk, report.BenignTotal) = client.Between(TimeSpan.Zero, TimeSpan.MaxValue);
        (report.BenignOkDuringAttacks, report.BenignTotalDuringAttacks) = client.Between(attacksStart, attacksEnd);
        var exit = lab.Daemon.Stop();
        report.WallSeconds = Math.Round(lab.Timeline.Now.TotalSeconds, 1);
        report.SyslogAlerts.AddRange(lab.Timeline.SyslogAlerts());
        Print(report);

        foreach (var attack in report.Attacks)
        {
            Assert.True(attack.AlertSeconds is not null, $"{attack.Name}: no {attack.Kind} alert for {attack.Source}\n{Tail(lab)}");
            Assert.True(attack.BlockSeconds is { } s && s <= AttackLab.Within.TotalSeconds, $"{attack.Name}: {attack.Source} not blocked within {AttackLab.Within}\n{Tail(lab)}");
            Assert.True(attack.SyslogSeconds is not null, $"{attack.Name}: rsyslog holds no {attack.Kind} alert for {attack.Source}");
            Assert.True(attack.Stopped > 0, $"{attack.Name}: none of {attack.Arrived} packets stopped");
            Assert.True(attack.NetGuardDropped > 0, $"{attack.Name}: NetGuard's drop rules counted nothing");
            Assert.InRange(attack.GotThroughAfterBlock, 0, 10);
        }

        Assert.NotNull(spoofAlert);
        Assert.NotNull(spoofSyslog);
        Assert.All(blockedAfterSpoof, b => Assert.Contains(b, lab.Attackers));
        Assert.InRange(blockedAfterSpoof.Count, 0, lab.Attackers.Count);

        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Equal(lab.Web.LargeFileBytes, download.Bytes);
        Assert.DoesNotContain(lab.Timeline.LogLines(TimeSpan.Zero), l => l.Line.Contains($" {lab.Client}/32: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lab.Client, lab.Counters.Blocked(enforcer));
        Assert.True(report.BenignOk >= report.BenignTotal * 0.95, $"benign client: {report.BenignOk} of {report.BenignTotal} fetches served");

        Assert.False(servedWhileBlocked, $"{lab.SynFlooder} fetched the page while blocked");
        Assert.Equal(0, rollback.ExitCode);
        Assert.NotNull(rolledBack);
        Assert.DoesNotContain(lab.SynFlooder, blockedAfterRollback);
        Assert.True(flows, $"{lab.SynFlooder} cannot fetch the page after the rollback");
        Assert.True(lab.Counters.Read(lab.SynFlooder).Delivered > deliveredBeforeRollback, "nothing from the rolled-back address was delivered");
        Assert.Equal(0, exit);
    }

    [Theory]
    [InlineData("nftables", 42)]
    [InlineData("iptables", 43)]
    public void Run_ApproveMode_NothingBlockedUntilTheOperatorApproves(string enforcer, int subnet)
    {
        Require(enforcer);
        using var lab = AttackLab.Start(enforcer, "Approve", subnet);
        var report = new ScenarioReport { Scenario = $"approve-{enforcer}", Enforcer = enforcer, Mode = "Approve" };
        var client = lab.StartBenignClient();
        Thread.Sleep(Baseline / 2);

        // 200 SYNs a second until 2 s after the approved block is seen (the count bounds it at 100 s).
        var source = lab.SynFlooder;
        var before = lab.Counters.Read(source);
        var start = lab.Timeline.Now;
        using var flood = new AttackProcess(lab.Lab.NamespaceA, ["hping3", "-q", "-S", "-p", "80", "-i", "u5000", "-c", "20000", "-a", source, lab.Victim]);
        var alert = lab.Timeline.WaitForLog(l => l.Contains($"ALERT syn-flood {source} ", StringComparison.Ordinal), start, AttackLab.Within);
        var proposed = lab.Timeline.WaitForLog(l => l.Contains($"PROPOSED block ", StringComparison.Ordinal) && l.Contains($" of {source}/32", StringComparison.Ordinal), start, AttackLab.Within);
        var id = proposed is { } p ? p.Line.Split("PROPOSED block ")[1].Split(' ')[0] : null;

        // Proposed and waiting: nothing in the firewall, the flood's packets are still delivered.
        var waiting = lab.Counters.Read(source);
        Thread.Sleep(TimeSpan.FromSeconds(3));
        var blockedWhileProposed = lab.Counters.Blocked(enforcer);
        var stillWaiting = lab.Counters.Read(source);
        var activeTooEarly = lab.Timeline.WaitForLog(l => l.Contains(": Active ", StringComparison.Ordinal), start, TimeSpan.Zero);
        report.DeliveredWhileProposed = stillWaiting.Delivered - waiting.Delivered;

        var approveStart = lab.Timeline.Now;
        var approve = lab.Daemon.Cli("approve", id ?? "no-decision");
        report.ApproveCommandSeconds = AttackLab.Seconds(lab.Timeline.Now - approveStart);
        var active = lab.Timeline.WaitForLog(l => l.Contains($"Decision {id} ", StringComparison.Ordinal) && l.Contains(": Active ", StringComparison.Ordinal), approveStart, AttackLab.Within);
        report.ApproveToBlockSeconds = AttackLab.Seconds(active?.At - approveStart);
        var atBlock = lab.Counters.Read(source);
        var blockedAfterApproval = lab.Counters.Blocked(enforcer);
        if (active is not null)
        {
            Thread.Sleep(AttackLab.AfterBlock);
        }

        flood.Stop();
        var toolSeconds = (lab.Timeline.Now - start).TotalSeconds;
        Thread.Sleep(300);
        var after = lab.Counters.Read(source);
        var syslog = lab.Timeline.WaitForSyslog(m => AttackLab.IsAlert(m, "syn-flood", source), start, AttackLab.Within);
        var total = after - before;
        report.Attacks.Add(new AttackFigures
        {
            Name = "SYN flood (hping3), approved by the operator",
            Kind = "syn-flood",
            Source = source,
            Command = flood.Command,
            AlertSeconds = AttackLab.Seconds(alert?.At - start),
            SyslogSeconds = AttackLab.Seconds(syslog?.At - start),
            ProposedSeconds = AttackLab.Seconds(proposed?.At - start),
            BlockSeconds = AttackLab.Seconds(active?.At - start),
            ToolSeconds = Math.Round(toolSeconds, 2),
            Arrived = total.Arrived,
            GotThrough = total.Delivered,
            GotThroughAfterBlock = after.Delivered - atBlock.Delivered,
            Stopped = total.Stopped,
            NetGuardDropped = lab.Counters.NetGuardDropped(enforcer, source),
            DecisionId = id,
        });

        client.Stop();
        (report.BenignOk, report.BenignTotal) = client.Between(TimeSpan.Zero, TimeSpan.MaxValue);
        (report.BenignOkDuringAttacks, report.BenignTotalDuringAttacks) = client.Between(start, start + TimeSpan.FromSeconds(toolSeconds));
        var exit = lab.Daemon.Stop();
        report.WallSeconds = Math.Round(lab.Timeline.Now.TotalSeconds, 1);
        report.SyslogAlerts.AddRange(lab.Timeline.SyslogAlerts());
        Print(report);

        Assert.NotNull(alert);
        Assert.True(id is not null, $"no proposal for {source}\n{Tail(lab)}");
        Assert.Null(activeTooEarly);
        Assert.Empty(blockedWhileProposed);
        Assert.True(report.DeliveredWhileProposed > 0, "the flood's packets must still be delivered while the block waits for approval");
        Assert.Equal(0, approve.ExitCode);
        Assert.True(active is not null, $"{id} not Active within {AttackLab.Within} of its approval\n{Tail(lab)}");
        Assert.Equal(new[] { source }, blockedAfterApproval);
        Assert.InRange(after.Delivered - atBlock.Delivered, 0, 10);
        Assert.True(after.Arrived > atBlock.Arrived, "the flood ended before the block could be seen dropping it");
        Assert.True(lab.Counters.NetGuardDropped(enforcer, source) > 0, "NetGuard's drop rule counted nothing");
        Assert.NotNull(syslog);
        Assert.True(report.BenignOk >= report.BenignTotal * 0.95, $"benign client: {report.BenignOk} of {report.BenignTotal} fetches served");
        Assert.Equal(0, exit);
    }

    private static void Require(string enforcer)
    {
        if (NetworkLab.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        foreach (var tool in new[] { "hping3", "nmap", "curl", "nft", enforcer == "nftables" ? "nft" : "iptables" })
        {
            if (!ProcessRunner.Exists(tool))
            {
                Assert.Skip($"{tool} is not installed (tests/run.sh installs it)");
            }
        }

        if (NamespaceRsyslog.Unavailable is { } rsyslog)
        {
            Assert.Skip(rsyslog);
        }

        if (VictimWebServer.Python is null)
        {
            Assert.Skip("python3 is not installed (tests/run.sh installs it)");
        }
    }

    /// <summary>Lets the last attack's second close before the next starts, so each is measured alone.</summary>
    private static void Pause() => Thread.Sleep(TimeSpan.FromSeconds(1.5));

    private static bool WaitUntil(Func<bool> condition, TimeSpan within)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(200);
        }

        return false;
    }

    private static string Tail(AttackLab lab) => string.Join('\n', lab.Daemon.Log.Split('\n').TakeLast(40));

    /// <summary>
    /// The figures go to the test output (kept in trx files) and to stderr, which `dotnet test`
    /// shows for passing tests too, so CI logs carry them; the JSON file has every field.
    /// </summary>
    private void Print(ScenarioReport report)
    {
        var path = report.Write();
        var lines = new List<string>
        {
            $"e2e {report.Scenario}: figures in {path}",
            string.Create(CultureInfo.InvariantCulture,
                $"{"attack",-45} {"alert s",8} {"syslog s",9} {"block s",8} {"arrived",8} {"through",8} {"after",6} {"stopped",8}"),
        };
        lines.AddRange(report.Attacks.Select(a => string.Create(CultureInfo.InvariantCulture,
            $"{a.Name,-45} {a.AlertSeconds,8} {a.SyslogSeconds,9} {a.BlockSeconds,8} {a.Arrived,8} {a.GotThrough,8} {a.GotThroughAfterBlock,6} {a.Stopped,8}")));
        lines.Add("syslog alerts: " + string.Join(", ", report.SyslogAlerts));
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"benign client {report.BenignOk}/{report.BenignTotal} served ({report.BenignSuccessRate}%), during attacks {report.BenignOkDuringAttacks}/{report.BenignTotalDuringAttacks}"));
        foreach (var line in lines)
        {
            output.WriteLine(line);
            Console.Error.WriteLine(line);
        }

        output.WriteLine(report.ToJson());
    }
}
