using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NetGuard.Core.Detection;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Remediation.Engine;
using NetGuard.Remediation.Enforcement;
using NetGuard.Remediation.Guards;
using NetGuard.Remediation.Journal;

namespace NetGuard.Remediation.Tests;

/// <summary>An engine on a fake clock, a recording firewall and a journal in a temporary directory.</summary>
internal sealed class Harness : IDisposable, IDecisionSink
{
    public Harness(Action<RemediationOptions>? configure = null, RecordingEnforcer? enforcer = null, string? directory = null)
    {
        Directory = directory ?? Path.Combine(Path.GetTempPath(), "netguard-rt-" + Guid.NewGuid().ToString("N"));
        Options = new RemediationOptions { Mode = RemediationMode.Auto, DecisionsFile = Path.Combine(Directory, "decisions.json") };
        configure?.Invoke(Options);
        Enforcer = enforcer ?? new RecordingEnforcer();
        Engine = new RemediationEngine(Options, Enforcer, new DecisionJournal(Directory), ProtectedNetworks.Build(Options.Allowlist, includeHost: false), Time, this, NullLogger.Instance);
    }

    public string Directory { get; }

    public RemediationOptions Options { get; }

    public RecordingEnforcer Enforcer { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public RemediationEngine Engine { get; }

    public List<Decision> Transitions { get; } = [];

    public List<string> Notices { get; } = [];

    public Harness Start()
    {
        Engine.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return this;
    }

    public void Alert(string subject, AttackKind kind = AttackKind.SynFlood, SubjectRole role = SubjectRole.Source) =>
        Engine.OnAnomalyAsync(
            new Anomaly(Time.GetUtcNow().ToUnixTimeMilliseconds() * 1000, kind, NetAddress.TryParse(subject, out var a) ? a : throw new ArgumentException(subject), role, "out.syn", 5000, 3, 900, "ewma-z"),
            CancellationToken.None).GetAwaiter().GetResult();

    public Decision Only(string target) => Assert.Single(Engine.Decisions, d => d.Target.ToString() == target || d.Target.Network.ToString() == target);

    public JournalDocument Journal() => new DecisionJournal(Directory).Load();

    public void OnDecision(Decision decision) => Transitions.Add(decision);

    public void OnNotice(string message) => Notices.Add(message);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    public static DryRunEnforcer DryRun() => new();
}
