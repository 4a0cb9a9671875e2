using NetGuard.Core.Detection;
using NetGuard.Core.Remediation;

namespace NetGuard.Remediation.Tests;

public class LifecycleTests
{
    [Fact]
    public void OnAnomaly_AutoMode_ProposedApprovedApplyingActive_JournalledInOrder()
    {
        using var h = new Harness().Start();
        h.Alert("203.0.113.7");

        Assert.Equal([DecisionState.Proposed, DecisionState.Approved, DecisionState.Applying, DecisionState.Active], h.Transitions.Select(d => d.State));
        var active = h.Only("203.0.113.7");
        Assert.Equal(DecisionState.Active, active.State);
        Assert.Equal("auto", active.ApprovedBy);
        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromHours(1), active.ExpiresAt);
        Assert.True(h.Enforcer.Rules.ContainsKey("203.0.113.7/32"));
        Assert.Equal(DecisionState.Active, Assert.Single(h.Journal().Decisions).State);
    }

    [Fact]
    public void OnAnomaly_ApproveMode_WaitsAsProposedAndAppliesNothing()
    {
        using var h = new Harness(o => o.Mode = RemediationMode.Approve).Start();
        h.Alert("203.0.113.7");
        Assert.Equal(DecisionState.Proposed, h.Only("203.0.113.7").State);
        Assert.Empty(h.Enforcer.Rules);
    }

    [Fact]
    public void OnAnomaly_MonitorMode_DecidesNothing_ButKindModeOverrides()
    {
        using var h = new Harness(o =>
        {
            o.Mode = RemediationMode.Monitor;
            o.KindModes["port-scan"] = RemediationMode.Auto;
        }).Start();
        h.Alert("203.0.113.7", AttackKind.SynFlood);
        Assert.Empty(h.Engine.Decisions);
        h.Alert("203.0.113.8", AttackKind.PortScan);
        Assert.Equal(DecisionState.Active, h.Only("203.0.113.8").State);
    }

    [Theory]
    [InlineData(AttackKind.DistributedFlood, SubjectRole.Destination)]
    [InlineData(AttackKind.VolumeSpike, SubjectRole.Source)]
    [InlineData(AttackKind.Changepoint, SubjectRole.Source)]
    [InlineData(AttackKind.SynFlood, SubjectRole.Destination)]
    public void OnAnomaly_KindsThatOnlyAlert_NeverBlock(AttackKind kind, SubjectRole role)
    {
        using var h = new Harness().Start();
        h.Alert("203.0.113.7", kind, role);
        Assert.Empty(h.Engine.Decisions);
    }

    [Fact]
    public void OnAnomaly_SameTargetAgain_OneDecision()
    {
        using var h = new Harness().Start();
        h.Alert("203.0.113.7");
        h.Alert("203.0.113.7", AttackKind.PortScan);
        Assert.Single(h.Engine.Decisions);
    }

    [Fact]
    public void OnAnomaly_FirewallFails_DecisionFailedWithErrorAndNotice()
    {
        using var h = new Harness(enforcer: new RecordingEnforcer { FailWith = "nft: Operation not permitted" }).Start();
        h.Alert("203.0.113.7");
        var failed = h.Only("203.0.113.7");
        Assert.Equal(DecisionState.Failed, failed.State);
        Assert.Equal("nft: Operation not permitted", failed.Error);
        Assert.Contains(h.Notices, n => n.Contains("failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExpireAsync_AfterTtl_RemovesAndMarksExpired()
    {
        using var h = new Harness().Start();
        h.Alert("203.0.113.7");
        h.Time.Advance(TimeSpan.FromMinutes(59));
        await h.Engine.ExpireAsync(CancellationToken.None);
        Assert.Equal(DecisionState.Active, h.Only("203.0.113.7").State);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.Engine.ExpireAsync(CancellationToken.None);
        Assert.Equal(DecisionState.Expired, h.Only("203.0.113.7").State);
        Assert.Empty(h.Enforcer.Rules);
    }

    [Fact]
    public async Task RepeatOffender_GetsLongerTtlUpToTheMaximum()
    {
        using var h = new Harness(o =>
        {
            o.MaxTtl = TimeSpan.FromHours(3);
            o.RollbackSuppression = TimeSpan.Zero;
        }).Start();
        var ttls = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            h.Alert("203.0.113.7");
            var live = Assert.Single(h.Engine.Decisions, d => d.IsLive);
            ttls.Add(live.Ttl);
            h.Time.Advance(live.Ttl);
            await h.Engine.ExpireAsync(CancellationToken.None);
        }

        Assert.Equal([TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(3)], ttls);
    }
}
