using NetGuard.Core.Statistics;
using NetGuard.Reporting.Recording;

namespace NetGuard.Reporting.Tests;

/// <summary>What the recorder keeps, and that it keeps no more than its limits whatever the traffic.</summary>
public class RecorderTests
{
    [Fact]
    public void Content_Flood_ChartsTheAlertingHostFromBeforeItsAlert()
    {
        var content = Samples.Flood().Content(Samples.Summary());

        var host = Assert.Single(content.Hosts);
        Assert.Equal(Samples.Ip("10.0.0.5"), host.Host);
        var metric = Assert.Single(host.Metrics);
        Assert.Equal("out.syn", metric.Name);
        Assert.Equal(40, metric.Value.Count);
        Assert.Equal(Samples.Epoch, metric.Value[0].Start);
        Assert.Equal(1000, metric.Value.Single(p => p.Start == Samples.Epoch + 35).Max);
        Assert.Equal(16, metric.BandHigh[0].Max);
        Assert.Equal(4, metric.BandLow[0].Min);
        Assert.Equal(495, metric.Score.Single(p => p.Start == Samples.Epoch + 35).Max);
        Assert.Single(host.Decisions);
        Assert.Equal(Samples.Epoch, content.Start);
        Assert.Equal(Samples.Epoch + 40, content.End);
        Assert.Equal(40, content.PacketRate.Count);
    }

    [Fact]
    public void OnJudged_ManyMoreHostsThanLimits_KeepsOnlyTheLimits()
    {
        var limits = new ReportLimits { RecentHosts = 64, ChartedHosts = 3, HistorySeconds = 10 };
        var hosts = new HostSeriesRecorder(Samples.Settings, limits);
        for (var i = 0; i < 20_000; i++)
        {
            var address = Samples.Ip($"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}");
            hosts.OnJudged(Samples.Epoch + (i / 100), new HostSecond { Host = address }, profiled: true, Samples.Judged(i % 30));
            if (i % 1000 == 0)
            {
                hosts.OnAnomaly(Samples.Alert(Samples.Epoch + (i / 100), address.ToString()));
            }
        }

        Assert.Equal(64, hosts.RecentHosts);
        Assert.Equal(3, hosts.Charted.Count);
        Assert.Equal(17, hosts.AlertsNotCharted);
    }

    [Fact]
    public void OnJudged_HostWithoutProfile_NotRecordedUntilItAlerts()
    {
        var hosts = new HostSeriesRecorder(Samples.Settings, new ReportLimits());
        var spoofed = new HostSecond { Host = Samples.Ip("198.51.100.1") };
        hosts.OnJudged(Samples.Epoch, spoofed, profiled: false, Samples.Judged(1));
        Assert.Equal(0, hosts.RecentHosts);

        hosts.OnAnomaly(Samples.Alert(Samples.Epoch + 1, "198.51.100.1"));
        hosts.OnJudged(Samples.Epoch + 1, spoofed, profiled: false, Samples.Judged(900));
        var series = Assert.Single(Assert.Single(hosts.Charted).Charted);
        Assert.Equal(900, Assert.Single(series.Value.Points()).Max);
    }

    [Fact]
    public void JudgementRing_KeepsTheLastSecondsOldestFirst()
    {
        var ring = new JudgementRing(Samples.Metrics.Length, 5);
        for (var s = 0; s < 12; s++)
        {
            ring.Add(s, Samples.Judged(s));
        }

        var series = new MetricSeries(1, 16, 3);
        ring.CopyTo(1, series);
        Assert.Equal([7L, 8, 9, 10, 11], series.Value.Points().Select(p => p.Start));
        Assert.Equal([7.0, 8, 9, 10, 11], series.Value.Points().Select(p => p.Max));
    }

    [Fact]
    public void TopTalkers_HeavyHostAmongManyOneOffs_IsFoundFirst()
    {
        var talkers = new TopTalkers(16);
        for (var i = 0; i < 100_000; i++)
        {
            talkers.Add(Samples.Ip($"198.51.{i >> 8 & 255}.{i & 255}"), 60, 1);
            if (i % 10 == 0)
            {
                talkers.Add(Samples.Ip("10.0.0.1"), 1500, 1);
            }
        }

        var top = talkers.Top(3);
        Assert.Equal(Samples.Ip("10.0.0.1"), top[0].Host);
        Assert.True(top[0].Bytes >= 10_000 * 1500L);
        Assert.True(top[0].Bytes - top[0].Overestimate <= 10_000 * 1500L);
        Assert.Equal(3, top.Count);
    }

    [Fact]
    public void TopTalkers_FewerHostsThanCounters_ExactInOrder()
    {
        var talkers = new TopTalkers(8);
        var random = new Random(5);
        var truth = new Dictionary<string, long>();
        for (var i = 0; i < 2000; i++)
        {
            var host = $"10.0.0.{random.Next(1, 7)}";
            var bytes = random.Next(1, 1500);
            talkers.Add(Samples.Ip(host), bytes, 1);
            truth[host] = truth.GetValueOrDefault(host) + bytes;
        }

        var top = talkers.Top(10);
        Assert.Equal(truth.OrderByDescending(t => t.Value).Select(t => (t.Key, t.Value)), top.Select(t => (t.Host.ToString(), t.Bytes)));
        Assert.All(top, t => Assert.Equal(0, t.Overestimate));
    }

    [Fact]
    public void OnDecision_Transitions_KeepTheLatestStateOnce()
    {
        var recorder = new ReportRecorder(Samples.Settings);
        recorder.OnDecision(Samples.Decision(Samples.Epoch, "10.0.0.5"));
        recorder.OnDecision(Samples.Decision(Samples.Epoch, "10.0.0.5", Core.Remediation.DecisionState.Active));

        var decision = Assert.Single(recorder.Content(Samples.Summary()).Decisions);
        Assert.Equal(Core.Remediation.DecisionState.Active, decision.State);
    }
}
