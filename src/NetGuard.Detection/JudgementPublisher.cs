using NetGuard.Core.Detection;
using NetGuard.Core.Statistics;
using NetGuard.Detection.Classification;
using NetGuard.Detection.Hosts;

namespace NetGuard.Detection;

/// <summary>Hands each judged host-second to an <see cref="IJudgementSink"/>; exists only when one is attached.</summary>
internal sealed class JudgementPublisher(IJudgementSink sink)
{
    private readonly MetricJudgement[] _metrics = new MetricJudgement[HostMetrics.Count];

    public void Publish(long second, in HostSecond host, HostAssessment assessment)
    {
        for (var m = 0; m < HostMetrics.Count; m++)
        {
            _metrics[m] = new MetricJudgement(
                assessment.Values[m],
                assessment.Means[m],
                assessment.Deviations[m],
                Math.Clamp(assessment.Z[m], 0, 10_000),
                assessment.Cusum[m]);
        }

        sink.OnJudged(second, host, assessment.HasProfile, _metrics);
    }
}
