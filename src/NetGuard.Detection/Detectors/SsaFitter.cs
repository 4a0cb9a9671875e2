using NetGuard.Detection.Numerics;

namespace NetGuard.Detection.Detectors;

/// <summary>
/// Fits an <see cref="SsaModel"/> to a training window: centred lag-covariance of the trajectory matrix,
/// the constant direction projected out, Jacobi eigen-decomposition, then rank selection by one-step
/// forecast error. All work arrays are allocated once.
/// </summary>
/// <remarks>
/// Departures from ML.NET's AdaptiveSingularSpectrumSequenceModeler, and why:
/// <list type="bullet">
/// <item>The window is centred and the constant vector is always in the basis ("SSA with projection",
/// Golyandina &amp; Shlemov 2015): forecasts follow the level as ML.NET's do when a series sits far from 0,
/// but the model no longer depends on where zero is, and a 1e9 offset no longer cancels the covariance away.</item>
/// <item>The window is scaled to unit maximum before the covariance, so no product can overflow.</item>
/// <item>The rank minimises the summed absolute one-step error of the very update used online, run for all
/// candidate ranks at once over the training window (ML.NET scores a free-running forecast).</item>
/// </list>
/// Cost per fit O(L²·K + sweeps·L³ + N·L·R) with K = N − L + 1 and R the largest rank.
/// </remarks>
internal sealed partial class SsaFitter
{
    // ν² (verticality) near 1 makes the LRF divide by almost zero; such ranks are not candidates.
    private const double MaxVerticality = 1.0 - 1e-6;

    private readonly int _l;
    private readonly int _maxRank;
    private readonly double[] _y;
    private readonly double[] _cov;
    private readonly SymmetricEigen _eigen;
    private readonly double[] _basis;
    private readonly double[] _alpha;
    private readonly double[] _state;
    private readonly double[] _nu2;
    private readonly double[] _error;
    private readonly double[] _coeff;
    private readonly double[] _smooth;
    private readonly double[] _numerator;

    public SsaFitter(int windowLength, int trainingLength, int maxRank)
    {
        _l = windowLength;
        _maxRank = maxRank;
        var vectors = maxRank + 1;
        _y = new double[trainingLength];
        _cov = new double[windowLength * windowLength];
        _eigen = new SymmetricEigen(windowLength);
        _basis = new double[vectors * windowLength];
        _alpha = new double[vectors * (windowLength - 1)];
        _state = new double[vectors * (windowLength - 1)];
        _nu2 = new double[vectors];
        _error = new double[vectors];
        _coeff = new double[vectors];
        _smooth = new double[windowLength];
        _numerator = new double[windowLength - 1];
    }

    /// <summary>Fits <paramref name="model"/> to <paramref name="series"/> (exactly the training length, finite values).</summary>
    public void Fit(ReadOnlySpan<double> series, SsaModel model)
    {
        var center = CenterAndScale(series);
        var vectors = BuildBasis(series.Length);
        ComputeRecurrences(vectors);
        var best = SelectVectorCount(series.Length, vectors);

        var l = _l;
        model.Center = center;
        model.VectorCount = best;
        _basis.AsSpan(0, best * l).CopyTo(model.Basis);
        _alpha.AsSpan((best - 1) * (l - 1), l - 1).CopyTo(model.Alpha);
    }

    private double CenterAndScale(ReadOnlySpan<double> series)
    {
        var n = series.Length;
        double sum = 0;
        foreach (var v in series)
        {
            sum += v;
        }

        var mean = sum / n;
        double correction = 0, maxAbs = 0;
        foreach (var v in series)
        {
            correction += v - mean;
        }

        mean += correction / n;
        for (var i = 0; i < n; i++)
        {
            _y[i] = series[i] - mean;
            maxAbs = Math.Max(maxAbs, Math.Abs(_y[i]));
        }

        if (maxAbs > 0)
        {
            var inverse = 1.0 / maxAbs;
            for (var i = 0; i < n; i++)
            {
                _y[i] *= inverse;
            }
        }

        return mean;
    }

    // Returns the number of basis vectors: the constant one plus the leading eigenvectors of the
    // lag covariance with the constant direction projected out (P·C·P, P = I − eeᵀ).
    private int BuildBasis(int n)
    {
        var l = _l;
        var k = n - l + 1;
        var y = _y;
        for (var i = 0; i < l; i++)
        {
            for (var j = i; j < l; j++)
            {
                // Direct sums, not the sliding recurrence C[i+1][j+1] = C[i][j] − … + …: that one cancels.
                double s = 0;
                for (var t = 0; t < k; t++)
                {
                    s += y[i + t] * y[j + t];
                }

                _cov[(i * l) + j] = s;
                _cov[(j * l) + i] = s;
            }
        }

        var rowMean = _smooth;
        double total = 0;
        for (var i = 0; i < l; i++)
        {
            double s = 0;
            for (var j = 0; j < l; j++)
            {
                s += _cov[(i * l) + j];
            }

            rowMean[i] = s / l;
            total += rowMean[i];
        }

        total /= l;
        for (var i = 0; i < l; i++)
        {
            for (var j = 0; j < l; j++)
            {
                _cov[(i * l) + j] -= rowMean[i] + rowMean[j] - total;
            }
        }

        _eigen.Decompose(_cov);

        double trace = 0;
        foreach (var lambda in _eigen.Values)
        {
            trace += Math.Max(0, lambda);
        }

        var constant = 1.0 / Math.Sqrt(l);
        _basis.AsSpan(0, l).Fill(constant);
        var count = 1;
        for (var e = 0; e < l && count <= _maxRank; e++)
        {
            if (!(_eigen.Values[e] > 1e-10 * trace))
            {
                break;
            }

            var row = _basis.AsSpan(count * l, l);
            _eigen.Vector(e).CopyTo(row);
            if (Orthonormalize(row, count))
            {
                count++;
            }
        }

        return count;
    }

    // Gram–Schmidt against the vectors already in the basis; false if nothing independent is left.
    private bool Orthonormalize(Span<double> row, int previous)
    {
        var l = _l;
        for (var p = 0; p < previous; p++)
        {
            var other = _basis.AsSpan(p * l, l);
            double dot = 0;
            for (var j = 0; j < l; j++)
            {
                dot += row[j] * other[j];
            }

            for (var j = 0; j < l; j++)
            {
                row[j] -= dot * other[j];
            }
        }

        double norm = 0;
        foreach (var v in row)
        {
            norm += v * v;
        }

        norm = Math.Sqrt(norm);
        if (norm < 1e-8)
        {
            return false;
        }

        for (var j = 0; j < l; j++)
        {
            row[j] /= norm;
        }

        return true;
    }

    // LRF for the first v vectors: α = Σᵢ πᵢ·uᵢ[0..L−2] / (1 − ν²), πᵢ = uᵢ[L−1], ν² = Σᵢ πᵢ² (Golyandina et al. 2001, §2.1).
    private void ComputeRecurrences(int vectors)
    {
        var l = _l;
        Array.Clear(_numerator);
        double nu2 = 0;
        for (var v = 0; v < vectors; v++)
        {
            var u = _basis.AsSpan(v * l, l);
            var pi = u[l - 1];
            nu2 += pi * pi;
            var alpha = _alpha.AsSpan(v * (l - 1), l - 1);
            for (var j = 0; j < l - 1; j++)
            {
                _numerator[j] += pi * u[j];
                alpha[j] = _numerator[j] / (1.0 - nu2);
            }

            _nu2[v] = nu2;
        }
    }
}
