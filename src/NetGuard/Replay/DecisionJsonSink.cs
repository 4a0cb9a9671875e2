using NetGuard.Core.Remediation;

namespace NetGuard.Replay;

/// <summary>Writes each decision transition as a "decision" line of the replay contract; notices go to stderr.</summary>
internal sealed class DecisionJsonSink(JsonLines output, TextWriter notices) : IDecisionSink
{
    public void OnDecision(Decision decision)
    {
        var w = output.Begin("decision");
        w.WriteString("time", JsonLines.Time(decision.UpdatedAt.ToUnixTimeMilliseconds() * 1000));
        w.WriteString("id", decision.Id);
        w.WriteString("action", "block");
        w.WriteString("target", decision.Target.Length == (decision.Target.IsIPv4 ? 32 : 128) ? decision.Target.Network.ToString() : decision.Target.ToString());
        w.WriteString("state", StateName(decision.State));
        w.WriteString("reason", decision.Reason);
        w.WriteNumber("ttl_s", (long)decision.Ttl.TotalSeconds);
        output.End();
    }

    public void OnNotice(string message) => notices.WriteLine($"netguard: {message}");

    public static string StateName(DecisionState state) => state switch
    {
        DecisionState.RolledBack => "rolled-back",
        _ => state.ToString().ToLowerInvariant(),
    };
}
