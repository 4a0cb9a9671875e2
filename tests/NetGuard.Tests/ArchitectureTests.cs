using System.Reflection;

namespace NetGuard.Tests;

/// <summary>The layering of STYLE.md, read from the assemblies: references point toward Core, siblings never reference each other.</summary>
public class ArchitectureTests
{
    public static TheoryData<string, string[]> Allowed() => new()
    {
        { "NetGuard.Core", [] },
        { "NetGuard.Capture", ["NetGuard.Core"] },
        { "NetGuard.Aggregation", ["NetGuard.Core"] },
        { "NetGuard.Detection", ["NetGuard.Core"] },
        { "NetGuard.Remediation", ["NetGuard.Core"] },
        { "NetGuard.Enforcers.Linux", ["NetGuard.Core"] },
        { "NetGuard.Enforcers.Windows", ["NetGuard.Core"] },
        { "NetGuard.Alerting", [] },
        { "NetGuard.Reporting", ["NetGuard.Core"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Library_ReferencesOnlyWhatItsLayerAllows(string assembly, string[] allowed)
    {
        var referenced = Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("NetGuard", StringComparison.Ordinal) || n == "netguard")
            .Order()
            .ToArray();
        Assert.Equal(allowed.Order().ToArray(), referenced);
    }

    [Fact]
    public void Core_DoesNotDependOnCapturePackages()
    {
        var referenced = Assembly.Load("NetGuard.Core").GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(referenced, n => n.StartsWith("SharpPcap", StringComparison.Ordinal) || n.StartsWith("PacketDotNet", StringComparison.Ordinal) || n.StartsWith("Serilog", StringComparison.Ordinal));
    }
}
