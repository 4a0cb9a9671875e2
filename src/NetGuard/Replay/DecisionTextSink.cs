using System.Globalization;
using NetGuard.Core.Remediation;

namespace NetGuard.Replay;

/// <summary>Decisions as readable lines (replay without --json), on stderr beside the alerts.</summary>
internal sealed class DecisionTextSink(TextWriter output) : IDecisionSink
{
    public void OnDecision(Decision decision) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"decision {decision.UpdatedAt:yyyy-MM-ddTHH:mm:ssZ} {decision.Id} block {decision.Target} {DecisionJsonSink.StateName(decision.State)} ttl {decision.Ttl}: {decision.Reason}"));

    public void OnNotice(string message) => output.WriteLine($"netguard: {message}");
}
