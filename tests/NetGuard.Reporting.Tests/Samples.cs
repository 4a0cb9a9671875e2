using NetGuard.Core.Detection;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Core.Statistics;

namespace NetGuard.Reporting.Tests;

/// <summary>Builds what a replay would feed the recorder: seconds, judgements, alerts, decisions.</summary>
internal static class Samples
{
    public const long Epoch = 1_700_000_000;

    public static readonly string[] Metrics = ["out.packets", "out.syn", "in.peers"];

    public static ReportSettings Settings { get; } = new(Metrics, 3, 6, 8);

    public static NetAddress Ip(string text) => NetAddress.TryParse(text, out var a) ? a : throw new ArgumentException(text);

    public static ReportSummary Summary(string source = "capture.pcap", long packets = 1000) =>
        new(source, packets, packets * 60, (Epoch * 1_000_000) + 5, ((Epoch + 40) * 1_000_000) + 7, TimeSpan.FromMilliseconds(120), 0, 0, 0, null);

    /// <summary>One closed second with the given hosts, each sending <paramref name="packets"/> packets.</summary>
    public static SecondSnapshot Second(long second, int packets, params string[] hosts)
    {
        var array = hosts.Select(h => new HostSecond
        {
            Host = Ip(h),
            Out = new DirectionCounters { Packets = packets, Bytes = packets * 60L },
        }).ToArray();
        var snapshot = new SecondSnapshot();
        snapshot.Set(second, array, array.Length, packets * (long)array.Length, packets * 60L * array.Length, 0, 0);
        return snapshot;
    }

    /// <summary>A judgement of every metric: <paramref name="syn"/> SYN/s against a baseline of 10 ± 2.</summary>
    public static MetricJudgement[] Judged(double syn)
    {
        var score = Math.Max(0, (syn - 10) / 2);
        return [new(syn, 10, 2, score, 0), new(syn, 10, 2, score, Math.Min(score, 20)), new(1, 1, 1, 0, 0)];
    }

    public static Anomaly Alert(long second, string subject, string metric = "out.syn", double value = 1000) =>
        new(second * 1_000_000, AttackKind.SynFlood, Ip(subject), SubjectRole.Source, metric, value, 10, 495, "ewma-z");

    public static Decision Decision(long second, string target, DecisionState state = DecisionState.Proposed, string reason = "syn-flood") => new()
    {
        Id = $"ng-test-{second}",
        Target = new NetPrefix(Ip(target), 32),
        State = state,
        Origin = "syn-flood/ewma-z",
        Reason = reason,
        CreatedAt = DateTimeOffset.FromUnixTimeSeconds(second),
        UpdatedAt = DateTimeOffset.FromUnixTimeSeconds(second),
        Ttl = TimeSpan.FromHours(1),
    };

    /// <summary>40 seconds of a host at 10 SYN/s, then a flood of 1,000 SYN/s from second 35 with its alert and decision.</summary>
    public static ReportRecorder Flood(ReportLimits? limits = null)
    {
        var recorder = new ReportRecorder(Settings, limits);
        for (long s = Epoch; s < Epoch + 40; s++)
        {
            var flooding = s >= Epoch + 35;
            recorder.OnSecond(Second(s, flooding ? 1000 : 10, "10.0.0.5", "10.0.0.1"));
            if (s == Epoch + 35)
            {
                recorder.OnAnomaly(Alert(s, "10.0.0.5"));
                recorder.OnDecision(Decision(s, "10.0.0.5"));
            }

            recorder.OnJudged(s, new HostSecond { Host = Ip("10.0.0.5") }, profiled: true, Judged(flooding ? 1000 : 10));
            recorder.OnJudged(s, new HostSecond { Host = Ip("10.0.0.1") }, profiled: true, Judged(0));
        }

        return recorder;
    }

    public static string Html(ReportRecorder recorder, ReportSummary? summary = null)
    {
        using var writer = new StringWriter();
        recorder.WriteHtml(writer, summary ?? Summary());
        return writer.ToString();
    }
}
