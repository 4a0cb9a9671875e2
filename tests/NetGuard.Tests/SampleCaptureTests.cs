using System.Globalization;
using System.Text.RegularExpressions;
using NetGuard.Testing;
using NetGuard.Testing.Lab;

namespace NetGuard.Tests;

public partial class SampleCaptureTests
{
    public static TheoryData<string> Captures()
    {
        var data = new TheoryData<string>();
        foreach (var file in SharedData.PcapFiles())
        {
            data.Add(Path.GetFileName(file));
        }

        if (data.Count == 0)
        {
            data.Add("(none)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Replay_SampleCapture_PacketCountEqualsCapinfos(string name)
    {
        if (SharedData.Pcaps is null)
        {
            Assert.Skip(SharedData.MissingMessage);
        }

        if (!ProcessRunner.Exists("capinfos"))
        {
            Assert.Skip("capinfos (Debian package tshark / wireshark-common) is not installed");
        }

        var path = Path.Combine(SharedData.Pcaps, name);
        var capinfos = ProcessRunner.Run("capinfos", ["-c", "-M", path]).EnsureSuccess("capinfos");
        var expected = long.Parse(PacketCount().Match(capinfos.StandardOutput).Groups[1].Value, CultureInfo.InvariantCulture);

        var result = Netguard.Run("replay", path, "--json");
        Assert.Equal(0, result.ExitCode);
        var summary = Netguard.Summary(result);
        Assert.Equal(expected, summary.GetProperty("packets").GetInt64());
        Assert.Equal(0, summary.GetProperty("decode_errors").GetInt64());
    }

    [GeneratedRegex(@"Number of packets:\s+(\d+)")]
    private static partial Regex PacketCount();
}
