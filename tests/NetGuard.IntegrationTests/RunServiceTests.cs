using System.Globalization;
using NetGuard.Testing;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests;

/// <summary><c>netguard run</c> as a console service inside a test namespace.</summary>
public class RunServiceTests
{
    [Fact]
    public void Run_NoInterfaceConfigured_CapturesOnFirstUpInterfaceAndStopsOnSigterm()
    {
        if (NetworkLab.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        if (!ProcessRunner.Exists("hping3"))
        {
            Assert.Skip("hping3 is not installed (.ci/run installs it)");
        }

        const int Subnet = 32;
        using var lab = NetworkLab.Create(Subnet);
        // Its own state and decisions file (not the machine's /var/lib/netguard, which the package tests install and purge); no interface named.
        using var daemon = new Daemon(lab);
        daemon.WaitFor("Capturing on", TimeSpan.FromSeconds(30));
        NetworkLab.Exec(lab.NamespaceA, "hping3", "-q", "-S", "-p", "80", "-c", "2000", "-i", "u200", NetworkLab.AddressB(Subnet));
        Thread.Sleep(300);
        var exitCode = daemon.Stop();

        var log = daemon.Log;
        Assert.Equal(0, exitCode);
        Assert.Contains($"Capturing on {lab.InterfaceB}", log, StringComparison.Ordinal);

        // A SYN flood from a host never seen before is alerted at once, naming it and its victim.
        Assert.Contains($"ALERT syn-flood {NetworkLab.AddressA(Subnet)} (source) peer {NetworkLab.AddressB(Subnet)}: out.syn", log, StringComparison.Ordinal);

        // The last rate line is written after the pipeline drained: 2,000 SYNs and as many RSTs back.
        var last = log.Split('\n').Last(l => l.Contains(" packets, ", StringComparison.Ordinal));
        var packets = long.Parse(last[(last.IndexOf(": ", StringComparison.Ordinal) + 2)..].Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(packets >= 4000, log);
        Assert.Contains("dropped: kernel 0, pipeline 0", last, StringComparison.Ordinal);

        // Syslog is off by default: the rate line has no syslog counters that could only read 0.
        Assert.DoesNotContain("syslog", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConfiguredInterfaceMissing_StopsTheStartWithExitThree()
    {
        if (NetworkLab.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        using var lab = NetworkLab.Create();
        using var process = ProcessRunner.Start(
            "ip",
            ["netns", "exec", lab.NamespaceB, .. RepositoryPaths.NetguardCommand, "run"],
            environment: new Dictionary<string, string> { ["NetGuard__Capture__Interfaces__0"] = "eth77" });
        var stderr = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Equal(3, process.ExitCode);
        Assert.Contains("Interface 'eth77' does not exist", stderr, StringComparison.Ordinal);
    }
}
