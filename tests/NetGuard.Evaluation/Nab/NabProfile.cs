namespace NetGuard.Evaluation.Nab;

/// <summary>
/// A NAB application profile: the weights of its cost matrix (profiles.json). True negatives are
/// never scored, so their weight is not kept.
/// </summary>
internal sealed record NabProfile(string Name, double TpWeight, double FpWeight, double FnWeight)
{
    public static NabProfile Standard { get; } = new("standard", 1.0, 0.11, 1.0);

    public static NabProfile RewardLowFpRate { get; } = new("reward_low_FP_rate", 1.0, 0.22, 1.0);

    public static NabProfile RewardLowFnRate { get; } = new("reward_low_FN_rate", 1.0, 0.11, 2.0);

    /// <summary>The three profiles of NAB v1.1, in the order the scoreboard lists them.</summary>
    public static IReadOnlyList<NabProfile> Published { get; } = [Standard, RewardLowFpRate, RewardLowFnRate];
}
