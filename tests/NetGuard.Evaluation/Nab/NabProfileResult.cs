namespace NetGuard.Evaluation.Nab;

/// <summary>A detector's NAB result under one profile.</summary>
/// <param name="Threshold">The swept threshold that maximised the corpus raw score.</param>
/// <param name="Raw">The corpus raw score at that threshold.</param>
/// <param name="Null">The raw score of a detector that never fires.</param>
/// <param name="Perfect">All labelled windows times A_TP.</param>
/// <param name="Normalized">100·(raw − null)/(perfect − null).</param>
/// <param name="Files">Per-file scores at <paramref name="Threshold"/>; their raws add up to <paramref name="Raw"/>.</param>
internal sealed record NabProfileResult(
    NabProfile Profile,
    double Threshold,
    double Raw,
    double Null,
    double Perfect,
    double Normalized,
    IReadOnlyList<NabFileScore> Files)
{
    public int WindowsDetected => Files.Sum(f => f.WindowsDetected);

    public int WindowsMissed => Files.Sum(f => f.WindowsMissed);

    public int FalsePositives => Files.Sum(f => f.FalsePositives);
}
