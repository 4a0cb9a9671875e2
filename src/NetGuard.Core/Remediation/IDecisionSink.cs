namespace NetGuard.Core.Remediation;

/// <summary>Hears every decision transition after the journal has it (replay output, logs, metrics).</summary>
public interface IDecisionSink
{
    void OnDecision(Decision decision);

    /// <summary>Something an operator must see that is not a transition: a refused entry in the decisions file, a tripped cap, drift repaired.</summary>
    void OnNotice(string message);
}
