using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Remediation.Journal;
using NetGuard.Remediation.Operator;

namespace NetGuard.Remediation.Tests;

public class OperatorAndRecoveryTests
{
    [Fact]
    public async Task DecisionsFile_ApproveRejectRollbackBlock_EachActsOnce()
    {
        using var h = new Harness(o => o.Mode = RemediationMode.Approve).Start();
        h.Alert("203.0.113.1");
        h.Alert("203.0.113.2");
        var first = h.Only("203.0.113.1").Id;
        var second = h.Only("203.0.113.2").Id;
        var document = new OperatorDocument
        {
            Approve = [first],
            Reject = [second],
            Block = [new ManualBlock { Target = "198.51.100.9", Ttl = "00:30:00", Reason = "seen in logs" }],
        };

        await h.Engine.ApplyOperatorAsync(document, CancellationToken.None);
        await h.Engine.ApplyOperatorAsync(document, CancellationToken.None);

        Assert.Equal(DecisionState.Active, h.Only("203.0.113.1").State);
        Assert.Equal(DecisionState.Rejected, h.Only("203.0.113.2").State);
        var manual = h.Only("198.51.100.9");
        Assert.Equal(DecisionState.Active, manual.State);
        Assert.Equal(TimeSpan.FromMinutes(30), manual.Ttl);
        Assert.Equal("manual", manual.Origin);
        Assert.Equal(2, h.Enforcer.Calls.Count(c => c.StartsWith("apply", StringComparison.Ordinal)));

        await h.Engine.ApplyOperatorAsync(document with { Rollback = [first] }, CancellationToken.None);
        Assert.Equal(DecisionState.RolledBack, h.Only("203.0.113.1").State);
        Assert.False(h.Enforcer.Rules.ContainsKey("203.0.113.1/32"));
    }

    [Theory]
    [InlineData("approve", "ng-nope", "no such decision")]
    [InlineData("rollback", "1.2.3.4; rm -rf /", "not an address")]
    [InlineData("block", "$(reboot)", "not an address or prefix")]
    [InlineData("block", "127.0.0.1", "refused")]
    public async Task DecisionsFile_BadEntries_ReportedAndChangeNothing(string verb, string value, string expected)
    {
        using var h = new Harness().Start();
        var document = verb switch
        {
            "approve" => new OperatorDocument { Approve = [value] },
            "rollback" => new OperatorDocument { Rollback = [value] },
            _ => new OperatorDocument { Block = [new ManualBlock { Target = value }] },
        };
        await h.Engine.ApplyOperatorAsync(document, CancellationToken.None);
        Assert.Empty(h.Engine.Decisions);
        Assert.DoesNotContain(h.Enforcer.Calls, c => c != "prepare");
        Assert.Contains(h.Notices, n => n.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void OperatorFile_Garbage_ThrowsInvalidDataWithThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "netguard-bad-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, "{ \"approve\": [ 42 ");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => OperatorFile.Read(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void OperatorFile_ConcurrentUpdates_NoneLost()
    {
        var path = Path.Combine(Path.GetTempPath(), "netguard-concurrent-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            Parallel.For(0, 40, i => OperatorFile.Update(path, d => d with { Approve = [.. d.Approve, $"ng-{i}"] }));
            Assert.Equal(40, OperatorFile.Read(path).Approve.Distinct().Count());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Restart_AfterCrashWhileApplying_ReappliesAndBecomesActive()
    {
        using var h = new Harness();
        var journal = new DecisionJournal(h.Directory);
        var now = h.Time.GetUtcNow();
        journal.Save(new JournalDocument
        {
            Decisions =
            [
                new Decision { Id = "ng-1", Target = NetPrefix.Parse("203.0.113.7"), State = DecisionState.Applying, Origin = "syn-flood/ewma-z", Reason = "r", CreatedAt = now, Ttl = TimeSpan.FromHours(1) },
                new Decision { Id = "ng-2", Target = NetPrefix.Parse("203.0.113.8"), State = DecisionState.RolledBack, Origin = "manual", Reason = "r", CreatedAt = now, Ttl = TimeSpan.FromHours(1) },
            ],
        });

        h.Start();
        Assert.Equal(DecisionState.Active, h.Only("203.0.113.7").State);
        Assert.Equal(DecisionState.RolledBack, h.Only("203.0.113.8").State);
        Assert.Equal(["203.0.113.7/32"], h.Enforcer.Rules.Keys);
    }

    [Fact]
    public async Task Start_CrashAfterRollbackRemovedTheBlockBeforeTheJournalSaidSo_NeverReappliesIt()
    {
        // The journal still says Active, the firewall no longer holds the block, the decisions file asks for its rollback.
        using var h = new Harness();
        var now = h.Time.GetUtcNow();
        new DecisionJournal(h.Directory).Save(new JournalDocument
        {
            Decisions =
            [
                new Decision { Id = "ng-1", Target = NetPrefix.Parse("203.0.113.7"), State = DecisionState.Active, Origin = "syn-flood/ewma-z", Reason = "r", CreatedAt = now, Ttl = TimeSpan.FromHours(1), ExpiresAt = now.AddHours(1) },
            ],
        });

        await h.Engine.StartAsync(new OperatorDocument { Rollback = ["203.0.113.7"] }, CancellationToken.None);

        Assert.Equal(DecisionState.RolledBack, h.Only("203.0.113.7").State);
        Assert.Empty(h.Enforcer.Rules);
        Assert.DoesNotContain(h.Enforcer.Calls, c => c.StartsWith("apply", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Notices, n => n.StartsWith("drift", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reconcile_MissingBlockReapplied_OrphanRemoved()
    {
        using var h = new Harness().Start();
        h.Alert("203.0.113.7");
        h.Enforcer.Rules.Clear();
        h.Enforcer.Rules["198.51.100.66/32"] = new BlockRule("ng-old", NetPrefix.Parse("198.51.100.66"), null);

        await h.Engine.ReconcileAsync(CancellationToken.None);

        Assert.Equal(["203.0.113.7/32"], h.Enforcer.Rules.Keys);
        Assert.Equal(2, h.Notices.Count(n => n.StartsWith("drift", StringComparison.Ordinal)));
    }

    [Fact]
    public void Start_CorruptJournal_RefusesWithThePath()
    {
        using var h = new Harness();
        Directory.CreateDirectory(h.Directory);
        File.WriteAllText(Path.Combine(h.Directory, DecisionJournal.FileName), "{ not json");
        var e = Assert.Throws<InvalidDataException>(() => h.Start());
        Assert.Contains(DecisionJournal.FileName, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Journal_Save_LeavesNoTemporaryFileAndRoundTrips()
    {
        using var h = new Harness().Start();
        h.Alert("2001:db8::7");
        Assert.False(File.Exists(Path.Combine(h.Directory, DecisionJournal.FileName + ".tmp")));
        var reloaded = Assert.Single(h.Journal().Decisions);
        Assert.Equal(h.Only("2001:db8::7"), reloaded with { Evidence = h.Only("2001:db8::7").Evidence });
        Assert.Equal("2001:db8::7/128", reloaded.Target.ToString());
    }
}
