using NetGuard.Core.Remediation;

namespace NetGuard.Pipeline;

/// <summary>Hands each decision transition and notice to several sinks in order.</summary>
internal sealed class DecisionFanOut(params IDecisionSink[] sinks) : IDecisionSink
{
    public void OnDecision(Decision decision)
    {
        foreach (var sink in sinks)
        {
            sink.OnDecision(decision);
        }
    }

    public void OnNotice(string message)
    {
        foreach (var sink in sinks)
        {
            sink.OnNotice(message);
        }
    }
}
