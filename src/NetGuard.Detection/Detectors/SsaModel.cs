namespace NetGuard.Detection.Detectors;

/// <summary>
/// A fitted SSA model: an orthonormal basis of the signal subspace of lag vectors (the constant vector
/// first, then the chosen eigenvectors) and the linear recurrent formula (LRF) that forecasts from it.
/// </summary>
internal sealed class SsaModel
{
    public SsaModel(int windowLength, int maxRank)
    {
        WindowLength = windowLength;
        Basis = new double[(maxRank + 1) * windowLength];
        Alpha = new double[windowLength - 1];
    }

    public int WindowLength { get; }

    /// <summary>Basis vectors, row after row, each of length L; the first <see cref="VectorCount"/> are used.</summary>
    public double[] Basis { get; }

    public int VectorCount { get; set; }

    /// <summary>The rank chosen besides the constant vector.</summary>
    public int Rank => VectorCount - 1;

    /// <summary>LRF coefficients: ŷ(t+1) = Σⱼ αⱼ·y(t−L+2+j), j = 0..L−2, on centred values.</summary>
    public double[] Alpha { get; }

    /// <summary>The training window's mean, subtracted before projecting and added back to forecasts.</summary>
    public double Center { get; set; }

    public ReadOnlySpan<double> Vector(int k) => Basis.AsSpan(k * WindowLength, WindowLength);
}
