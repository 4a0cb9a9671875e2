using System.Text.Json;

namespace NetGuard.Tests;

/// <summary>The alert and decision lines of the replay contract, from a capture written by the test.</summary>
public class ReplayDetectionTests
{
    [Fact]
    public void Replay_SynFloodAfterBaseline_AlertAndProposedBlockFollowTheContract()
    {
        using var dir = new TempDirectory();
        var path = dir.File("flood.pcap");
        FloodCapture.Write(path);

        var result = Netguard.Run("replay", path, "--json");
        Assert.Equal(0, result.ExitCode);
        var lines = Netguard.JsonLines(result);
        var alert = Assert.Single(lines, l => l.GetProperty("type").GetString() == "alert");
        Assert.Equal("2023-11-14T22:13:55.000000Z", alert.GetProperty("time").GetString());
        Assert.Equal("syn-flood", alert.GetProperty("kind").GetString());
        Assert.Equal("203.0.113.66", alert.GetProperty("subject").GetString());
        Assert.Equal("source", alert.GetProperty("role").GetString());
        Assert.Equal("out.syn", alert.GetProperty("metric").GetString());
        Assert.Equal(1000, alert.GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Number, alert.GetProperty("baseline").ValueKind);
        Assert.True(alert.GetProperty("score").GetDouble() > 6);
        Assert.False(string.IsNullOrEmpty(alert.GetProperty("detector").GetString()));
        Assert.Equal("10.0.0.1", alert.GetProperty("peer").GetString());

        var decision = Assert.Single(lines, l => l.GetProperty("type").GetString() == "decision");
        Assert.Equal("block", decision.GetProperty("action").GetString());
        Assert.Equal("203.0.113.66", decision.GetProperty("target").GetString());
        Assert.Equal("proposed", decision.GetProperty("state").GetString());
        Assert.Equal(alert.GetProperty("time").GetString(), decision.GetProperty("time").GetString());
        Assert.False(string.IsNullOrEmpty(decision.GetProperty("id").GetString()));
        Assert.Contains("syn-flood", decision.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(decision.GetProperty("ttl_s").GetDouble() > 0);

        var summary = Netguard.Summary(result);
        Assert.Equal(1, summary.GetProperty("alerts").GetInt64());
    }
}
