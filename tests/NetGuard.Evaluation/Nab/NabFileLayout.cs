namespace NetGuard.Evaluation.Nab;

/// <summary>
/// What a detection on each row of one file is worth before the profile's weights, as NAB's sweeper
/// computes it: rows in the probationary period are not scored; a row inside a window carries σ of its
/// position −(right − i + 1)/width; a row outside carries σ of its distance past the preceding window,
/// |right − i|/(width − 1), or −1 when no window precedes it.
/// </summary>
internal sealed class NabFileLayout
{
    /// <summary><see cref="WindowOf"/> for a row of the probationary period.</summary>
    public const int Probationary = -2;

    /// <summary><see cref="WindowOf"/> for a scored row outside every window.</summary>
    public const int Outside = -1;

    private readonly int[] _windowOf;
    private readonly double[] _sigmoid;

    private NabFileLayout(int rows, int probationaryLength, IReadOnlyList<NabWindow> windows, int[] windowOf, double[] sigmoid)
    {
        Rows = rows;
        ProbationaryLength = probationaryLength;
        Windows = windows;
        _windowOf = windowOf;
        _sigmoid = sigmoid;
    }

    public int Rows { get; }

    public int ProbationaryLength { get; }

    public IReadOnlyList<NabWindow> Windows { get; }

    /// <summary>
    /// Windows NAB scores: those with at least one row after the probationary period. (NAB's labels
    /// never put a window there, but a window wholly inside it would count neither as hit nor missed.)
    /// </summary>
    public int ScorableWindowCount
    {
        get
        {
            var n = 0;
            foreach (var w in Windows)
            {
                n += w.End >= ProbationaryLength ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>The index of the window holding <paramref name="row"/>, or <see cref="Outside"/> or <see cref="Probationary"/>.</summary>
    public int WindowOf(int row) => _windowOf[row];

    /// <summary>The unweighted scaled sigmoid of a detection on <paramref name="row"/>.</summary>
    public double Sigmoid(int row) => _sigmoid[row];

    /// <summary>A detection's worth under <paramref name="profile"/>: σ·A_TP/σ(−1) inside a window, σ·A_FP outside.</summary>
    public double Weight(int row, NabProfile profile) =>
        _windowOf[row] >= 0 ? _sigmoid[row] * profile.TpWeight / NabScoring.MaxTruePositive : _sigmoid[row] * profile.FpWeight;

    /// <param name="rows">Rows in the file.</param>
    /// <param name="windows">Windows in time order, not overlapping, each of at least two rows.</param>
    public static NabFileLayout Create(int rows, IReadOnlyList<NabWindow> windows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        Validate(rows, windows);

        var probation = NabScoring.ProbationaryLength(rows);
        var windowOf = new int[rows];
        var sigmoid = new double[rows];
        var next = 0;
        var current = -1;
        var previous = -1;
        for (var i = 0; i < rows; i++)
        {
            if (current < 0 && next < windows.Count && windows[next].Start == i)
            {
                current = next++;
            }

            if (current >= 0)
            {
                var w = windows[current];
                sigmoid[i] = NabScoring.ScaledSigmoid(-(w.End - i + 1) / (double)w.Length);
            }
            else if (previous < 0)
            {
                sigmoid[i] = -1.0;
            }
            else
            {
                var w = windows[previous];
                sigmoid[i] = NabScoring.ScaledSigmoid(Math.Abs(w.End - i) / (double)(w.Length - 1));
            }

            windowOf[i] = i < probation ? Probationary : current >= 0 ? current : Outside;

            if (current >= 0 && windows[current].End == i)
            {
                previous = current;
                current = -1;
            }
        }

        return new NabFileLayout(rows, probation, windows, windowOf, sigmoid);
    }

    private static void Validate(int rows, IReadOnlyList<NabWindow> windows)
    {
        var previousEnd = -1;
        foreach (var w in windows)
        {
            if (w.Start <= previousEnd || w.End >= rows)
            {
                throw new ArgumentException($"window [{w.Start}, {w.End}] overlaps the one before it or lies past row {rows - 1}", nameof(windows));
            }

            // A one-row window has no width to measure false positives by (NAB divides by width − 1).
            if (w.Length < 2)
            {
                throw new ArgumentException($"window [{w.Start}, {w.End}] has fewer than two rows", nameof(windows));
            }

            previousEnd = w.End;
        }
    }
}
