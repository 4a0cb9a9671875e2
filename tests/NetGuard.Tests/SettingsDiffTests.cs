using NetGuard.Configuration;
using NetGuard.Hosting.Reload;

namespace NetGuard.Tests;

public class SettingsDiffTests
{
    [Fact]
    public void Diff_SplitsRunTimeKeysFromKeysThatNeedARestart()
    {
        using var dir = new TempDirectory();
        var before = dir.File("before.json");
        var after = dir.File("after.json");
        File.WriteAllText(before, """{ "NetGuard": { "Remediation": { "Mode": "Monitor" } } }""");
        File.WriteAllText(after, """
            { "NetGuard": {
                "Capture": { "BufferMiB": 64 },
                "Detection": { "SpikeZ": 8, "MaxTrackedHosts": 1024, "Thresholds": [ { "Network": "192.0.2.0/24", "Metric": "in.syn", "PerSecond": 10 } ] },
                "Remediation": { "Mode": "Approve", "Allowlist": [ "203.0.113.0/24" ], "Enforcer": "nftables" },
                "Metrics": { "Listen": "127.0.0.1:9109" } } }
            """);
        var from = NetGuardSettings.Load(before);
        var to = NetGuardSettings.Load(after);

        Assert.Equal(
            ["NetGuard:Detection:SpikeZ", "NetGuard:Detection:Thresholds", "NetGuard:Remediation:Mode", "NetGuard:Remediation:Allowlist"],
            SettingsDiff.RunTime(from, to));
        Assert.Equal(
            ["NetGuard:Capture:BufferMiB", "NetGuard:Detection:MaxTrackedHosts", "NetGuard:Remediation:Enforcer", "NetGuard:Metrics:Listen"],
            SettingsDiff.NeedRestart(from, to));
        Assert.Empty(SettingsDiff.RunTime(to, NetGuardSettings.Load(after)));
    }
}
