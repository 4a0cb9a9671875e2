using NetGuard.Core.Remediation;

namespace NetGuard.Tests;

/// <summary>The runner behind every firewall enforcer: programs from a configured directory, or from PATH.</summary>
public class ProcessCommandRunnerTests
{
    [Fact]
    public async Task RunAsync_ToolDirectory_RunsTheProgramFromThere()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("shell scripts as tools need a POSIX system");
            return;
        }

        using var dir = new TempDirectory();
        var tool = dir.File("nft");
        File.WriteAllText(tool, "#!/bin/sh\necho \"wrapped $*\"\n");
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var result = await new ProcessCommandRunner(toolDirectory: dir.Path).RunAsync("nft", ["list", "ruleset"], null, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.StandardError);
        Assert.Equal("wrapped list ruleset", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task RunAsync_ProgramMissingFromToolDirectory_FailsWith127()
    {
        using var dir = new TempDirectory();

        var result = await new ProcessCommandRunner(toolDirectory: dir.Path).RunAsync("nft", ["list", "ruleset"], null, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(127, result.ExitCode);
        Assert.Contains(Path.Combine(dir.Path, "nft"), result.StandardError, StringComparison.Ordinal);
    }
}
