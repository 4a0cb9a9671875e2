using NetGuard.Core.Detection;
using NetGuard.Core.Remediation;

namespace NetGuard.Remediation.Tests;

public class ReconfigureTests
{
    [Fact]
    public void Reconfigure_ModeAndKindModes_ApplyToTheNextAlert()
    {
        using var h = new Harness(o => o.Mode = RemediationMode.Monitor).Start();
        h.Alert("203.0.113.1");
        Assert.Empty(h.Engine.Decisions);

        var next = new RemediationOptions { Mode = RemediationMode.Approve, DecisionsFile = h.Options.DecisionsFile };
        next.KindModes["port-scan"] = RemediationMode.Auto;
        h.Engine.Reconfigure(next);

        h.Alert("203.0.113.2");
        Assert.Equal(DecisionState.Proposed, h.Only("203.0.113.2/32").State);
        h.Alert("203.0.113.3", AttackKind.PortScan);
        Assert.Equal(DecisionState.Active, h.Only("203.0.113.3/32").State);
    }

    [Fact]
    public void Reconfigure_Allowlist_ProtectsNewTargetsAndNamesLiveBlocksItNowCovers()
    {
        using var h = new Harness().Start();
        h.Alert("203.0.113.7");
        Assert.Equal(DecisionState.Active, h.Only("203.0.113.7/32").State);

        var next = new RemediationOptions { Mode = RemediationMode.Auto, DecisionsFile = h.Options.DecisionsFile };
        next.Allowlist.Add("203.0.113.0/24");
        h.Engine.Reconfigure(next);

        h.Alert("203.0.113.8");
        Assert.DoesNotContain(h.Engine.Decisions, d => d.Target.ToString() == "203.0.113.8/32");
        var notice = Assert.Single(h.Notices, n => n.Contains("now protected", StringComparison.Ordinal));
        Assert.Contains("(203.0.113.7/32) is live but now protected", notice, StringComparison.Ordinal);

        // The live block stays until it expires or an operator rolls it back.
        Assert.Equal(DecisionState.Active, h.Only("203.0.113.7/32").State);
    }
}
