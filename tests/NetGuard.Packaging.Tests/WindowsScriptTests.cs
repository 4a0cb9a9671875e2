using System.Management.Automation.Language;
using System.Text.Json;
using NetGuard.Testing;
using NetGuard.Testing.Lab;

namespace NetGuard.Packaging.Tests;

/// <summary>
/// install.ps1 and uninstall.ps1 cannot run here (no Windows, no service manager): PowerShell's
/// parser reads them, and the command line and paths they build are checked as Windows would see them.
/// </summary>
public class WindowsScriptTests
{
    private const string ServiceCommandLine = @"""C:\Program Files\NetGuard\netguard.exe"" run --config ""C:\ProgramData\NetGuard\netguard.json""";

    private static readonly string Directory = Path.Combine(RepositoryPaths.Root, "packaging", "windows");

    [Theory]
    [InlineData("install.ps1")]
    [InlineData("uninstall.ps1")]
    public void Script_Parse_HasNoErrorsAndRequiresAdministrator(string name)
    {
        var script = PowerShellScript.Parse(Path.Combine(Directory, name));
        Assert.True(script.Errors.Count == 0, string.Join("; ", script.Errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}")));
        Assert.True(script.Ast.ScriptRequirements?.IsElevationRequired, $"{name} lacks #Requires -RunAsAdministrator");
        Assert.Equal("NetGuard", script.Variable("ServiceName"));
    }

    [Fact]
    public void Install_NewService_RegistersNetguardRunWithTheProgramDataConfig()
    {
        var script = PowerShellScript.Parse(Path.Combine(Directory, "install.ps1"));
        Assert.Equal(ServiceCommandLine, script.Variable("binPath"));

        var newService = Assert.Single(script.Commands("New-Service"));
        var parameters = PowerShellScript.Parameters(newService);
        Assert.Equal("NetGuard", script.Evaluate(parameters["Name"]!));
        Assert.Equal(ServiceCommandLine, script.Evaluate(parameters["BinaryPathName"]!));
        Assert.Equal("Manual", script.Evaluate(parameters["StartupType"]!));

        // An upgrade points the existing service at the same command line.
        var change = script.Ast.Find(a => a is HashtableAst h && h.KeyValuePairs.Any(p => p.Item1.Extent.Text == "PathName"), searchNestedScriptBlocks: true) as HashtableAst;
        Assert.Equal(ServiceCommandLine, script.Evaluate(Assert.Single(change!.KeyValuePairs).Item2));

        // Restart on failure, as systemd's Restart=on-failure; sc.exe's "name= value" pairs are separate arguments.
        var failure = script.Commands("sc.exe").Single(c => c.CommandElements[1].Extent.Text == "failure");
        Assert.Contains("actions= restart/5000/restart/5000/restart/60000", failure.Extent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Install_ServiceCommandLine_IsOneNetguardAccepts()
    {
        // "run --config FILE" from the registered command line, given to the real executable's parser.
        var result = ProcessRunner.Run(Path.Combine(AppContext.BaseDirectory, "netguard"), ["run", "--config", "x.json", "--help"], TimeSpan.FromMinutes(1));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--config", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Install_ConfigCopy_PointsDecisionsAndStateAtProgramDataAndStillValidates()
    {
        var script = PowerShellScript.Parse(Path.Combine(Directory, "install.ps1"));
        var config = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "config", "netguard.json"));
        var replaces = script.Ast.FindAll(a => a is InvokeMemberExpressionAst { Member: StringConstantExpressionAst { Value: "Replace" } }, searchNestedScriptBlocks: true)
            .Cast<InvokeMemberExpressionAst>().ToList();
        Assert.Equal(2, replaces.Count);
        foreach (var replace in replaces)
        {
            // The literal must be in the shipped config, or the copy would silently keep the Linux path.
            var literal = script.Evaluate(replace.Arguments[0]);
            Assert.Contains(literal, config, StringComparison.Ordinal);

            // (ConvertTo-Json $path): the path as a JSON string, as the script writes it.
            var path = script.Evaluate(((CommandAst)((PipelineAst)((ParenExpressionAst)replace.Arguments[1]).Pipeline).PipelineElements[0]).CommandElements[1]);
            config = config.Replace(literal, JsonSerializer.Serialize(path), StringComparison.Ordinal);
        }

        var file = Path.Combine(System.IO.Directory.CreateTempSubdirectory("netguard-ps-").FullName, "netguard.json");
        try
        {
            // Set-Content -Encoding UTF8 in Windows PowerShell writes a byte order mark.
            File.WriteAllText(file, config, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            using var written = JsonDocument.Parse(config);
            var root = written.RootElement.GetProperty("NetGuard");
            Assert.Equal(@"C:\ProgramData\NetGuard\decisions.json", root.GetProperty("Remediation").GetProperty("DecisionsFile").GetString());
            Assert.Equal(@"C:\ProgramData\NetGuard\state", root.GetProperty("State").GetProperty("Directory").GetString());
            var check = ProcessRunner.Run(Path.Combine(AppContext.BaseDirectory, "netguard"), ["check-config", file], TimeSpan.FromMinutes(1));
            Assert.True(check.ExitCode == 0, check.StandardError);
        }
        finally
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Fact]
    public void Uninstall_StopsTheServiceBeforeDeletingIt()
    {
        var script = PowerShellScript.Parse(Path.Combine(Directory, "uninstall.ps1"));
        var stop = Assert.Single(script.Commands("Stop-Service"));
        var delete = script.Commands("sc.exe").Single(c => c.CommandElements[1].Extent.Text == "delete");
        Assert.Equal("NetGuard", script.Evaluate(PowerShellScript.Parameters(stop)["Name"]!));
        Assert.Equal("NetGuard", script.Evaluate(delete.CommandElements[2]));
        Assert.True(stop.Extent.StartOffset < delete.Extent.StartOffset, "uninstall.ps1 deletes the service before stopping it");
    }

    [Fact]
    public void Uninstall_FirewallRules_MatchOnlyTheNamesTheEnforcerGives()
    {
        // WindowsFirewallEnforcer names its rules "NetGuard <id>" with the description "NetGuard block for decision <id>".
        var enforcer = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "NetGuard.Enforcers.Windows", "WindowsFirewallEnforcer.cs"))
            + File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "NetGuard.Enforcers.Windows", "WindowsFirewallEnforcer.Netsh.cs"));
        Assert.Contains("NamePrefix = \"NetGuard \"", enforcer, StringComparison.Ordinal);
        Assert.Contains("\"description=NetGuard block for decision \" + id", enforcer, StringComparison.Ordinal);

        var text = File.ReadAllText(Path.Combine(Directory, "uninstall.ps1"));
        Assert.Contains("$_.DisplayName -like 'NetGuard *' -and $_.Description -like 'NetGuard block for decision *'", text, StringComparison.Ordinal);
    }
}
