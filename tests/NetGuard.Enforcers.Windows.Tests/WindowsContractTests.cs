using NetGuard.Core.Remediation;
using NetGuard.Enforcers.Contract;
using NetGuard.Enforcers.Windows.Tests.Fakes;

namespace NetGuard.Enforcers.Windows.Tests;

/// <summary>The enforcer contract against a fake netsh (netsh cannot run here).</summary>
public sealed class WindowsContractTests : EnforcerContractTests
{
    private readonly FakeNetsh _netsh = new();

    protected override ValueTask<ICommandRunner> StartEnvironmentAsync()
    {
        // A policy is never empty on Windows: some built-in rules come first.
        _netsh.Rules.Add(new FakeRule { Name = "Core Networking - Destination Unreachable (ICMPv6-In)", Action = "Allow", Grouping = "Core Networking", Protocol = "ICMPv6" });
        return ValueTask.FromResult<ICommandRunner>(_netsh);
    }

    protected override IFirewallEnforcer CreateEnforcer(ICommandRunner runner) => new WindowsFirewallEnforcer(runner);

    protected override ValueTask PlantForeignStateAsync()
    {
        _netsh.Rules.Add(new FakeRule { Name = "Allow SQL from CORP", Action = "Allow", RemoteIp = "10.20.0.0/255.255.0.0", Protocol = "TCP", LocalPort = "1433" });
        _netsh.Rules.Add(new FakeRule { Name = "NetGuard Web", Action = "Allow", Grouping = "Contoso Web", Protocol = "TCP", LocalPort = "443" });
        _netsh.Rules.Add(new FakeRule { Name = "Block telemetry", Direction = "Out", RemoteIp = "13.64.0.0/255.224.0.0" });
        _netsh.Rules.Add(new FakeRule { Name = "NetGuard ng-h4", Direction = "Out", RemoteIp = "203.0.113.7/32" });
        _netsh.Policy = "BlockInboundAlways,AllowOutbound";
        return default;
    }

    protected override ValueTask<string> ForeignStateAsync() =>
        ValueTask.FromResult(_netsh.Policy + _netsh.Render(r => !IsOurs(r)));

    protected override ValueTask<bool> OwnedNamespaceExistsAsync() => ValueTask.FromResult(_netsh.Rules.Any(IsOurs));

    private static bool IsOurs(FakeRule rule) =>
        rule.Name.StartsWith("NetGuard ", StringComparison.Ordinal) && rule.Grouping.Length == 0 && rule.Direction == "In";
}
