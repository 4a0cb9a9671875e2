using Microsoft.Extensions.Logging;
using NetGuard.Core.Remediation;

namespace NetGuard.Hosting;

/// <summary>Decisions and notices in the log (the engine already logs transitions at Information; notices become warnings here).</summary>
internal sealed partial class DecisionLogSink(ILogger logger) : IDecisionSink
{
    public void OnDecision(Decision decision)
    {
        if (decision.State is DecisionState.Proposed)
        {
            LogProposed(logger, decision.Id, decision.Target.ToString(), decision.Reason);
        }
        else if (decision.State is DecisionState.Failed)
        {
            LogFailed(logger, decision.Id, decision.Target.ToString(), decision.Error ?? "unknown error");
        }
    }

    public void OnNotice(string message)
    {
    }

    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "PROPOSED block {Id} of {Target}: {Reason}. Approve with: netguard approve {Id}")]
    private static partial void LogProposed(ILogger logger, string id, string target, string reason);

    [LoggerMessage(EventId = 411, Level = LogLevel.Error, Message = "FAILED block {Id} of {Target}: {Error}")]
    private static partial void LogFailed(ILogger logger, string id, string target, string error);
}
