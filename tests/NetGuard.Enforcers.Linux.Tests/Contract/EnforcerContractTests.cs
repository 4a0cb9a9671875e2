using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Contract;

/// <summary>
/// What every <see cref="IFirewallEnforcer"/> must do, run against each implementation (real tools in a
/// network namespace, or a fake firewall). A block is identified by its target; the id is its label.
/// Subclasses provide the environment and the view of what the enforcer does not own.
/// </summary>
public abstract class EnforcerContractTests : IAsyncLifetime
{
    protected static readonly NetPrefix Host4 = NetPrefix.Parse("203.0.113.7");
    protected static readonly NetPrefix Net4 = NetPrefix.Parse("198.51.100.0/24");
    protected static readonly NetPrefix Host6 = NetPrefix.Parse("2001:db8::7");
    protected static readonly NetPrefix Net6 = NetPrefix.Parse("2001:db8:1::/48");

    private IFirewallEnforcer? _enforcer;

    protected IFirewallEnforcer Enforcer => _enforcer ?? throw new InvalidOperationException("the environment did not start");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Makes the place the enforcer works in and returns the runner for it; calls Assert.Skip when that cannot be done here.</summary>
    protected abstract ValueTask<ICommandRunner> StartEnvironmentAsync();

    protected abstract IFirewallEnforcer CreateEnforcer(ICommandRunner runner);

    /// <summary>Adds rules, tables or chains the enforcer does not own, and a non-default policy.</summary>
    protected abstract ValueTask PlantForeignStateAsync();

    /// <summary>Everything the enforcer does not own, policies included, as comparable text.</summary>
    protected abstract ValueTask<string> ForeignStateAsync();

    /// <summary>Whether the enforcer's own table, chain or rules exist at all.</summary>
    protected abstract ValueTask<bool> OwnedNamespaceExistsAsync();

    protected virtual ValueTask StopEnvironmentAsync() => default;

    public async ValueTask InitializeAsync() => _enforcer = CreateEnforcer(await StartEnvironmentAsync());

    public async ValueTask DisposeAsync()
    {
        await StopEnvironmentAsync();
        GC.SuppressFinalize(this);
    }

    protected static BlockRule Rule(string id, NetPrefix target, TimeSpan? ttl = null) => new(id, target, ttl);

    protected static IReadOnlyList<BlockRule> FourKinds(string suffix = "") =>
    [
        Rule("ng-h4" + suffix, Host4, TimeSpan.FromHours(1)),
        Rule("ng-n4" + suffix, Net4, TimeSpan.FromHours(1)),
        Rule("ng-h6" + suffix, Host6, TimeSpan.FromHours(1)),
        Rule("ng-n6" + suffix, Net6, null),
    ];

    protected async Task<List<(string? Id, NetPrefix Target)>> ListedAsync() =>
        [.. (await Enforcer.ListAsync(Ct)).Select(o => (o.DecisionId, o.Target)).OrderBy(p => p.Target.ToString(), StringComparer.Ordinal)];

    protected static List<(string? Id, NetPrefix Target)> Expected(IEnumerable<BlockRule> rules) =>
        [.. rules.Select(r => ((string?)r.DecisionId, r.Target)).OrderBy(p => p.Target.ToString(), StringComparer.Ordinal)];

    protected static void AssertOk(EnforcementResult result) => Assert.True(result.Succeeded, result.Error);

    [Fact]
    public async Task Prepare_Twice_SucceedsAndOwnsNothing()
    {
        AssertOk(await Enforcer.PrepareAsync(Ct));
        AssertOk(await Enforcer.PrepareAsync(Ct));
        Assert.Empty(await Enforcer.ListAsync(Ct));
    }

    [Fact]
    public async Task Apply_HostsAndPrefixesOfBothFamilies_ListShowsEachWithItsId()
    {
        AssertOk(await Enforcer.PrepareAsync(Ct));
        AssertOk(await Enforcer.ApplyAsync(FourKinds(), Ct));
        Assert.Equal(Expected(FourKinds()), await ListedAsync());
    }

    [Fact]
    public async Task Apply_Twice_IsIdempotent()
    {
        AssertOk(await Enforcer.PrepareAsync(Ct));
        AssertOk(await Enforcer.ApplyAsync(FourKinds(), Ct));
        AssertOk(await Enforcer.ApplyAsync(FourKinds(), Ct));
        Assert.Equal(Expected(FourKinds()), await ListedAsync());
    }

    [Fact]
    public async Task Apply_KnownTargetUnderNewId_RelabelsWithoutDuplicate()
    {
        AssertOk(await Enforcer.PrepareAsync(Ct));
        AssertOk(await Enforcer.ApplyAsync(FourKinds(), Ct));
        AssertOk(await Enforcer.ApplyAsync([Rule("ng-again", Host4, TimeSpan.FromHours(2)), Rule("ng-again", Net6)], Ct));
        var listed = await ListedAsync();
        Assert.Equal(4, listed.Count);
        Assert.Contains(("ng-again", Host4), listed);
        Assert.Contains(("ng-again", Net6), listed);
        Assert.Contains(("ng-n4", Net4), listed);
    }

    [Fact]
    public async Task Apply_SameTargetTwiceInOneBatch_LastOneWins()
    {
        AssertOk(await Enforcer.PrepareAsync(Ct));
        AssertOk(await Enforcer.ApplyAsync([Rule("ng-first", Host4), Rule("ng-second", Host4)], Ct));
        Assert.Equal([("ng-second", Host4)], await ListedAsync());
    }

    [Fact]
    public async Task ApplyAndRemove_EmptyBatches_Succeed()
    {
        AssertOk(await Enforcer.PrepareAsync(Ct));
        AssertOk(await Enforcer.ApplyAsync([], Ct));
        AssertOk(await Enforcer.RemoveAsync([], Ct));
        Assert.Empty(await Enforcer.ListAsync(Ct));
    }

    [Fact]
    public async Task Apply_WithoutPrepare_StillBlocks()
    {
        AssertOk(await Enforcer.ApplyAsync([Rule("ng-early", Host4)], Ct));
        Assert.Equal([("ng-early", Host4)], await ListedAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("quote\"; drop")]
    [InlineData("new\nline")]
    [InlineData("semi;colon")]
    [InlineData("dollar$(x)")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task Apply_UnsafeDecisionId_FailsAndChangesNothing(string id)
    {
        AssertOk(await Enforcer.PrepareAsync(Ct));
        var result = await Enforcer.ApplyAsync([Rule("ng-fine", Host6), Rule(id, Host4)], Ct);
        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Empty(await Enforcer.ListAsync(Ct));
    }

    [Fact]
    public async Task Apply_TargetWithHostBitsOrZeroLength_Fails()
    {
        AssertOk(await Enforcer.PrepareAsync(Ct));
        var hostBits = new NetPrefix(NetPrefix.Parse("198.51.100.9").Network, 24);
        Assert.False((await Enforcer.ApplyAsync([Rule("ng-bits", hostBits)], Ct)).Succeeded);
        Assert.False((await Enforcer.ApplyAsync([Rule("ng-all4", NetPrefix.Parse("0.0.0.0/0"))], Ct)).Succeeded);
        Assert.False((await Enforcer.ApplyAsync([Rule("ng-all6", default)], Ct)).Succeeded);
        Assert.False((await Enforcer.ApplyAsync([Rule("ng-long", new NetPrefix(Host4.Network, 33))], Ct)).Succeeded);
        Assert.Empty(await Enforcer.ListAsync(Ct));
    }

    [Fact]
    public async Task Apply_ManyTargets_AllListed()
    {
        AssertOk(await Enforcer.PrepareAsync(Ct));
        var rules = Enumerable.Range(0, 600)
            .Select(i => Rule($"ng-many-{i}", i % 3 == 0
                ? NetPrefix.Parse($"2001:db8:2::{i:x}")
                : NetPrefix.Parse($"100.64.{i / 250}.{i % 250}"), TimeSpan.FromMinutes(10)))
            .ToList();
        AssertOk(await Enforcer.ApplyAsync(rules, Ct));
        Assert.Equal(Expected(rules), await ListedAsync());
        AssertOk(await Enforcer.RemoveAsync(rules, Ct));
        Assert.Empty(await Enforcer.ListAsync(Ct));
    }

    [Fact]
    public async Task Remove_Applied_LeavesNothing()
    {
        AssertOk(await Enforcer.PrepareAsync(Ct));
        AssertOk(await Enforcer.ApplyAsync(FourKinds(), Ct));
        AssertOk(await Enforcer.RemoveAsync(FourKinds(), Ct));
        Assert.Empty(await Enforcer.ListAsync(Ct));
    }

    [Fact]
    public async Task Remove_Some_KeepsTheOthers()
    {
        AssertOk(await Enforcer.PrepareAsync(Ct));
        AssertOk(await Enforcer.ApplyAsync(FourKinds(), Ct));
        AssertOk(await Enforcer.RemoveAsync([Rule("ng-h4", Host4), Rule("ng-n6", Net6)], Ct));
        Assert.Equal(Expected([Rule("ng-n4", Net4), Rule("ng-h6", Host6)]), await ListedAsync());
    }

    [Fact]
    public async Task Remove_ByTargetWhateverTheLabel()
    {
        AssertOk(await Enforcer.PrepareAsync(Ct));
        AssertOk(await Enforcer.ApplyAsync(FourKinds(), Ct));
        AssertOk(await Enforcer.RemoveAsync([Rule("orphan", Host4), Rule("not a safe id", Net4)], Ct));
        Assert.Equal(Expected([Rule("ng-h6", Host6), Rule("ng-n6", Net6)]), await ListedAsync());
    }

    [Fact]
    public async Task Remove_Absent_Succeeds()
    {
        AssertOk(await Enforcer.RemoveAsync([Rule("ng-x", Host4), Rule("ng-y", Net6)], Ct));
        AssertOk(await Enforcer.PrepareAsync(Ct));
        AssertOk(await Enforcer.RemoveAsync(FourKinds(), Ct));
        AssertOk(await Enforcer.ApplyAsync([Rule("ng-n4", Net4)], Ct));

        // Inside a blocked prefix, overlapping it, or twice: none is a block of its own.
        AssertOk(await Enforcer.RemoveAsync([Rule("ng-in", NetPrefix.Parse("198.51.100.9")), Rule("ng-over", NetPrefix.Parse("198.51.0.0/16"))], Ct));
        AssertOk(await Enforcer.RemoveAsync([Rule("ng-n4", Net4)], Ct));
        AssertOk(await Enforcer.RemoveAsync([Rule("ng-n4", Net4)], Ct));
        Assert.Empty(await Enforcer.ListAsync(Ct));
    }

    [Fact]
    public async Task Prepare_AfterApply_KeepsTheBlocks()
    {
        AssertOk(await Enforcer.PrepareAsync(Ct));
        AssertOk(await Enforcer.ApplyAsync(FourKinds(), Ct));
        AssertOk(await Enforcer.PrepareAsync(Ct));
        Assert.Equal(Expected(FourKinds()), await ListedAsync());
    }

    [Fact]
    public async Task Apply_WithTtl_ListReportsRemainingTimeWhereTheKernelKeepsIt()
    {
        AssertOk(await Enforcer.PrepareAsync(Ct));
        AssertOk(await Enforcer.ApplyAsync([Rule("ng-ttl", Host4, TimeSpan.FromMinutes(30)), Rule("ng-forever", Host6)], Ct));
        var owned = (await Enforcer.ListAsync(Ct)).ToDictionary(o => o.Target);
        if (Enforcer.Capabilities.KernelTtl)
        {
            Assert.InRange(owned[Host4].Remaining!.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
            Assert.Null(owned[Host6].Remaining);
        }
        else
        {
            Assert.Equal(2, owned.Count);
        }
    }

    [Fact]
    public async Task Teardown_RemovesOnlyWhatItOwns()
    {
        await PlantForeignStateAsync();
        var before = await ForeignStateAsync();
        Assert.False(string.IsNullOrWhiteSpace(before));

        AssertOk(await Enforcer.PrepareAsync(Ct));
        AssertOk(await Enforcer.ApplyAsync(FourKinds(), Ct));
        Assert.Equal(before, await ForeignStateAsync());
        AssertOk(await Enforcer.RemoveAsync([Rule("ng-h4", Host4)], Ct));
        Assert.Equal(before, await ForeignStateAsync());

        AssertOk(await Enforcer.TeardownAsync(Ct));
        Assert.Equal(before, await ForeignStateAsync());
        Assert.False(await OwnedNamespaceExistsAsync());
        Assert.Empty(await Enforcer.ListAsync(Ct));
    }

    [Fact]
    public async Task Teardown_BeforePrepareAndTwice_Succeeds()
    {
        AssertOk(await Enforcer.TeardownAsync(Ct));
        AssertOk(await Enforcer.PrepareAsync(Ct));
        Assert.True(await OwnedNamespaceExistsAsync() || Enforcer.Name == "windows");
        AssertOk(await Enforcer.TeardownAsync(Ct));
        AssertOk(await Enforcer.TeardownAsync(Ct));
        Assert.False(await OwnedNamespaceExistsAsync());
    }

    [Fact]
    public async Task FailingCommands_GiveFailedResultsNotExceptions()
    {
        // "false" ignores its arguments and exits 1: every command the enforcer issues fails.
        await AssertEveryCallFailsAsync(CreateEnforcer(new ProcessCommandRunner(["false"])));
    }

    [Fact]
    public async Task MissingTool_GivesFailedResultsNotExceptions()
    {
        await AssertEveryCallFailsAsync(CreateEnforcer(new ProcessCommandRunner(["/nonexistent/netguard-no-such-tool"])));
    }

    [Fact]
    public async Task RunnerThatThrows_GivesFailedResultsNotExceptions()
    {
        await AssertEveryCallFailsAsync(CreateEnforcer(new ThrowingRunner()));
    }

    private static async Task AssertEveryCallFailsAsync(IFirewallEnforcer broken)
    {
        foreach (var result in new[]
        {
            await broken.PrepareAsync(Ct),
            await broken.ApplyAsync(FourKinds(), Ct),
            await broken.RemoveAsync(FourKinds(), Ct),
            await broken.TeardownAsync(Ct),
        })
        {
            Assert.False(result.Succeeded);
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await broken.ListAsync(Ct));
    }

    /// <summary>A runner whose process could not be fed (a broken pipe, say).</summary>
    private sealed class ThrowingRunner : ICommandRunner
    {
        public Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string? standardInput, TimeSpan timeout, CancellationToken cancellationToken) =>
            throw new IOException("Broken pipe");
    }
}
