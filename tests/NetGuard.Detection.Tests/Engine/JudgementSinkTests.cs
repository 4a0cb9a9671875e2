using NetGuard.Core.Detection;
using NetGuard.Core.Packets;
using NetGuard.Core.Statistics;
using NetGuard.Detection.Hosts;

namespace NetGuard.Detection.Tests.Engine;

/// <summary>The optional observation hook replay's report uses: what it sees, and that it changes nothing.</summary>
public class JudgementSinkTests
{
    private const string Attacker = "198.51.100.66";
    private const long Start = 40;

    [Fact]
    public void OnJudged_FloodSecond_CarriesTheAlertsValueBaselineAndScore()
    {
        var judged = new RecordingJudgementSink();
        var t = Scenario(judged);

        var alert = Assert.Single(t.Alerts.All, a => a.Kind == AttackKind.SynFlood);
        var flood = Assert.Single(judged.All, j => j.Host == Traffic.Ip(Attacker) && j.Second == Traffic.Epoch + Start);
        var syn = flood.Metrics[(int)HostMetric.OutSyn];
        Assert.True(flood.Profiled);
        Assert.Equal(alert.Value, syn.Value);
        Assert.Equal(alert.Score, Math.Round(syn.Score, 2));
        Assert.Equal(syn.Score, (syn.Value - syn.Baseline) / syn.Deviation, 9);
        Assert.True(syn.Deviation >= 1);
    }

    [Fact]
    public void OnJudged_EveryHostSecond_OnceInMetricOrder()
    {
        var judged = new RecordingJudgementSink();
        var t = Scenario(judged);

        Assert.Equal(HostMetrics.AllNames.Count, judged.All[0].Metrics.Length);
        Assert.Equal("out.syn", HostMetrics.AllNames[(int)HostMetric.OutSyn]);
        Assert.Equal(judged.All.Count, judged.All.DistinctBy(j => (j.Second, j.Host)).Count());
        Assert.Equal(t.Engine.Counters.SecondsAssessed, judged.All.Select(j => j.Second).Distinct().Count());
        var server = judged.All.Where(j => j.Host == Traffic.Ip(Background.Server)).ToList();
        Assert.Equal(Start + 10, server.Count);
    }

    [Fact]
    public void DetectionEngine_WithAndWithoutSink_RaiseTheSameAlerts()
    {
        var with = Scenario(new RecordingJudgementSink()).Alerts.All;
        var without = Scenario(null).Alerts.All;
        Assert.Equal(without.Select(a => (a.TimeMicros, a.Kind, a.Subject, a.Score)), with.Select(a => (a.TimeMicros, a.Kind, a.Subject, a.Score)));
    }

    private static Traffic Scenario(IJudgementSink? judged) => new Traffic(judgements: judged)
        .During(0, Start + 10, Background.Web(50))
        .During(Start, Start + 10, (t, s) =>
        {
            for (var i = 0; i < 1000; i++)
            {
                t.Tcp(s, i * 900, Attacker, (ushort)(1024 + i), Background.Server, 443, TcpFlags.Syn);
            }
        })
        .Run(Start + 10);

    private sealed record Judged(long Second, NetAddress Host, bool Profiled, MetricJudgement[] Metrics);

    private sealed class RecordingJudgementSink : IJudgementSink
    {
        public List<Judged> All { get; } = [];

        public void OnJudged(long second, in HostSecond host, bool profiled, ReadOnlySpan<MetricJudgement> metrics) =>
            All.Add(new Judged(second, host.Host, profiled, metrics.ToArray()));
    }
}
