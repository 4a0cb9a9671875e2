using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Remediation.Enforcement;

namespace NetGuard.Remediation.Tests;

/// <summary>Polly around the firewall: retries, timeouts and failures come back as results, never exceptions.</summary>
public class ResilientEnforcerTests
{
    private static readonly BlockRule Rule = new("ng-1", NetPrefix.Parse("203.0.113.7"), TimeSpan.FromHours(1));

    [Fact]
    public async Task Apply_FailsEveryTime_RetriedThenFailedResult()
    {
        var inner = new ScriptedEnforcer { Apply = _ => ValueTask.FromResult(EnforcementResult.Failed("exit status 1")) };
        var enforcer = new ResilientEnforcer(inner, TimeSpan.FromSeconds(5), retries: 2, TimeProvider.System);

        var result = await enforcer.ApplyAsync([Rule], TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal("exit status 1", result.Error);
        Assert.Equal(3, inner.ApplyCalls);
    }

    [Fact]
    public async Task Apply_FailsOnceThenWorks_Succeeds()
    {
        var inner = new ScriptedEnforcer();
        inner.Apply = _ => ValueTask.FromResult(inner.ApplyCalls == 1 ? EnforcementResult.Failed("busy") : EnforcementResult.Ok);
        var enforcer = new ResilientEnforcer(inner, TimeSpan.FromSeconds(5), retries: 3, TimeProvider.System);

        var result = await enforcer.ApplyAsync([Rule], TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(2, inner.ApplyCalls);
    }

    [Fact]
    public async Task Apply_Hangs_TimesOutAsFailedResult()
    {
        var inner = new ScriptedEnforcer { Apply = async ct => { await Task.Delay(Timeout.Infinite, ct); return EnforcementResult.Ok; } };
        var enforcer = new ResilientEnforcer(inner, TimeSpan.FromMilliseconds(200), retries: 1, TimeProvider.System);

        var result = await enforcer.ApplyAsync([Rule], TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains("timed out", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, inner.ApplyCalls);
    }

    [Fact]
    public async Task Apply_Throws_FailedResultWithTheMessage()
    {
        var inner = new ScriptedEnforcer { Apply = _ => throw new InvalidOperationException("nft: not found") };
        var enforcer = new ResilientEnforcer(inner, TimeSpan.FromSeconds(5), retries: 0, TimeProvider.System);

        var result = await enforcer.ApplyAsync([Rule], TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Contains("nft: not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_BrokenFirewall_CircuitOpensAndStopsCalling()
    {
        var inner = new ScriptedEnforcer { Apply = _ => ValueTask.FromResult(EnforcementResult.Failed("broken")) };
        var enforcer = new ResilientEnforcer(inner, TimeSpan.FromSeconds(5), retries: 0, TimeProvider.System);
        for (var i = 0; i < 6; i++)
        {
            await enforcer.ApplyAsync([Rule], TestContext.Current.CancellationToken);
        }

        var calls = inner.ApplyCalls;
        var result = await enforcer.ApplyAsync([Rule], TestContext.Current.CancellationToken);

        Assert.Equal(calls, inner.ApplyCalls);
        Assert.Contains("paused", result.Error, StringComparison.Ordinal);
    }

    private sealed class ScriptedEnforcer : IFirewallEnforcer
    {
        public Func<CancellationToken, ValueTask<EnforcementResult>> Apply { get; set; } = _ => ValueTask.FromResult(EnforcementResult.Ok);

        public int ApplyCalls { get; private set; }

        public string Name => "scripted";

        public EnforcerCapabilities Capabilities { get; } = new(false, true, true, 1);

        public ValueTask<EnforcementResult> PrepareAsync(CancellationToken cancellationToken) => ValueTask.FromResult(EnforcementResult.Ok);

        public ValueTask<EnforcementResult> ApplyAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken)
        {
            ApplyCalls++;
            return Apply(cancellationToken);
        }

        public ValueTask<EnforcementResult> RemoveAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken) => ValueTask.FromResult(EnforcementResult.Ok);

        public ValueTask<IReadOnlyList<OwnedRule>> ListAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<OwnedRule>>([]);

        public ValueTask<EnforcementResult> TeardownAsync(CancellationToken cancellationToken) => ValueTask.FromResult(EnforcementResult.Ok);
    }
}
