namespace NetGuard.Evaluation.Nab;

/// <summary>An anomaly window as row indices into its file, both ends inclusive.</summary>
internal readonly record struct NabWindow(int Start, int End)
{
    public int Length => End - Start + 1;
}
