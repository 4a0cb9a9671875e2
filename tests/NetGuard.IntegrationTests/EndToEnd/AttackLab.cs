using System.Globalization;
using System.Text.Json;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests.EndToEnd;

/// <summary>
/// The end-to-end lab: a victim namespace running <c>netguard run</c> on its veth with a real
/// firewall, syslog to an rsyslog on its own loopback and a web server; an attacker namespace
/// holding the benign client (the lab's address .1) and attackers on secondary addresses of the
/// same veth. Traffic stays between the two namespaces; everything is stopped by process id and the
/// namespaces deleted on dispose.
/// </summary>
internal sealed class AttackLab : IDisposable
{
    /// <summary>Generous for a loaded 2-core CI machine; a block that does not land at all still fails.</summary>
    public static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    /// <summary>How long an attack goes on once its block is seen: its packets must then be dropped.</summary>
    public static readonly TimeSpan AfterBlock = TimeSpan.FromSeconds(2);

    private readonly List<IDisposable> _owned = [];

    private AttackLab(string enforcer, string mode, int subnet)
    {
        Enforcer = enforcer;
        Mode = mode;
        Subnet = subnet;
    }

    public string Enforcer { get; }

    public string Mode { get; }

    public int Subnet { get; }

    public NetworkLab Lab { get; private set; } = null!;

    public string Victim { get; private set; } = null!;

    /// <summary>The benign client's address (the lab's own .1).</summary>
    public string Client { get; private set; } = null!;

    public string SynFlooder => Address(11);

    public string UdpFlooder => Address(12);

    public string IcmpFlooder => Address(13);

    public string Scanner => Address(21);

    public IReadOnlyList<string> Attackers => [SynFlooder, UdpFlooder, IcmpFlooder, Scanner];

    public PacketCounters Counters { get; private set; } = null!;

    public NamespaceRsyslog Rsyslog { get; private set; } = null!;

    public VictimWebServer Web { get; private set; } = null!;

    public Daemon Daemon { get; private set; } = null!;

    public Timeline Timeline { get; private set; } = null!;

    public static AttackLab Start(string enforcer, string mode, int subnet)
    {
        // Each part registers itself as it is made; a failure part-way disposes what exists.
        var lab = new AttackLab(enforcer, mode, subnet);
        try
        {
            lab.Setup();
            return lab;
        }
        catch
        {
            lab.Dispose();
            throw;
        }
    }

    /// <summary>Starts the benign client fetching the page from the client's address.</summary>
    public BenignClient StartBenignClient() => Own(new BenignClient(Lab.NamespaceA, Web.Url(VictimWebServer.Page), () => Timeline.Now));

    /// <summary>
    /// Runs one attack tool and measures it: the alert and block lines for <paramref name="source"/>,
    /// the syslog alert, and the victim's counters for that address (sampled again the moment the
    /// block is seen, to count what got through after it). The tool keeps going for
    /// <see cref="AfterBlock"/> once the block is seen, so drops are counted however late it lands,
    /// and is then stopped; its own count bounds it when nothing is blocked.
    /// </summary>
    public AttackFigures Attack(string name, string kind, string source, IReadOnlyList<string> command, TimeSpan toolLimit)
    {
        var before = Counters.Read(source);
        var droppedBefore = Counters.NetGuardDropped(Enforcer, source);
        var start = Timeline.Now;
        using var tool = new AttackProcess(Lab.NamespaceA, command);
        var alert = Timeline.WaitForLog(l => l.Contains($"ALERT {kind} {source} ", StringComparison.Ordinal), start, Within);
        var proposed = Timeline.WaitForLog(l => l.Contains($" {source}/32: Proposed ", StringComparison.Ordinal), start, alert is null ? TimeSpan.Zero : TimeSpan.FromSeconds(5));
        var active = Mode == "Auto" ? Timeline.WaitForLog(l => l.Contains($" {source}/32: Active ", StringComparison.Ordinal), start, Within) : null;
        var atBlock = active is not null ? Counters.Read(source) : (PacketCounters.Sample?)null;
        if (active is not null)
        {
            Thread.Sleep(AfterBlock);
            tool.Stop();
        }
        else
        {
            tool.Finish(toolLimit);
        }

        var toolSeconds = (Timeline.Now - start).TotalSeconds;
        Thread.Sleep(300);
        var after = Counters.Read(source);
        var syslog = Timeline.WaitForSyslog(m => IsAlert(m, kind, source), start, Within);
        var total = after - before;
        return new AttackFigures
        {
            Name = name,
            Kind = kind,
            Source = source,
            Command = tool.Command,
            AlertSeconds = Seconds(alert?.At - start),
            SyslogSeconds = Seconds(syslog?.At - start),
            ProposedSeconds = Seconds(proposed?.At - start),
            BlockSeconds = Seconds(active?.At - start),
            ToolSeconds = Math.Round(toolSeconds, 2),
            Arrived = total.Arrived,
            GotThrough = total.Delivered,
            GotThroughAfterBlock = atBlock is { } b ? after.Delivered - b.Delivered : 0,
            Stopped = total.Stopped,
            NetGuardDropped = Counters.NetGuardDropped(Enforcer, source) - droppedBefore,
            DecisionId = DecisionId(proposed?.Line),
        };
    }

    /// <summary>An RFC 5424 alert whose structured data names this kind and subject.</summary>
    public static bool IsAlert(JsonElement message, string kind, string subject) =>
        message.GetProperty("msgid").GetString() == "alert"
        && message.GetProperty("sd").GetString() is { } sd
        && sd.Contains($"kind=\"{kind}\" subject=\"{subject}\"", StringComparison.Ordinal);

    /// <summary>The decision id in a line "Decision ID TARGET: STATE (...)".</summary>
    public static string? DecisionId(string? line)
    {
        var at = line?.IndexOf("Decision ", StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : line![(at + "Decision ".Length)..].Split(' ')[0];
    }

    public static double? Seconds(TimeSpan? span) => span is { } s ? Math.Round(s.TotalSeconds, 2) : null;

    public void Dispose()
    {
        // Reverse order: the client and daemon stop before the receiver, server and namespaces go.
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            try
            {
                _owned[i].Dispose();
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException)
            {
                // Keep going: the namespaces must be deleted whatever else failed.
            }
        }
    }

    private void Setup()
    {
        Lab = Own(NetworkLab.Create(Subnet));
        Victim = NetworkLab.AddressB(Subnet);
        Client = NetworkLab.AddressA(Subnet);
        foreach (var attacker in Attackers)
        {
            NetworkLab.Exec(Lab.NamespaceA, "ip", "addr", "add", $"{attacker}/24", "dev", Lab.InterfaceA);
        }

        Counters = new PacketCounters(Lab.NamespaceB, [.. Attackers, Client]);
        Rsyslog = Own(NamespaceRsyslog.Start(Lab.NamespaceB));
        Web = Own(VictimWebServer.Start(Lab.NamespaceB, Victim, Lab.NamespaceA, largeFileBytes: 64 << 20));
        Daemon = Own(new Daemon(Lab, new Dictionary<string, string>
        {
            ["NetGuard__Remediation__Mode"] = Mode,
            ["NetGuard__Remediation__Enforcer"] = Enforcer,
            // The scenarios read iptables rules per block; the ipset variant has its own tests.
            ["NetGuard__Remediation__Ipset"] = "false",
            ["NetGuard__Capture__Interfaces__0"] = Lab.InterfaceB,
            ["NetGuard__Alerts__Syslog__Enabled"] = "true",
            ["NetGuard__Alerts__Syslog__Transport"] = "Tcp",
            ["NetGuard__Alerts__Syslog__Address"] = "127.0.0.1",
            ["NetGuard__Alerts__Syslog__Port"] = NamespaceRsyslog.Port.ToString(CultureInfo.InvariantCulture),
        }));
        Timeline = Own(new Timeline(() => Daemon.Log, Rsyslog));
        Daemon.WaitFor("Capturing on", TimeSpan.FromSeconds(60));
    }

    private string Address(int host) => string.Create(CultureInfo.InvariantCulture, $"10.250.{Subnet}.{host}");

    private T Own<T>(T part)
        where T : IDisposable
    {
        _owned.Add(part);
        return part;
    }
}
