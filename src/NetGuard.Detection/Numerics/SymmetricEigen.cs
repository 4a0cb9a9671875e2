namespace NetGuard.Detection.Numerics;

/// <summary>
/// Eigen-decomposition of a small dense symmetric matrix by the cyclic Jacobi method.
/// </summary>
/// <remarks>
/// SSA needs the eigenvectors of an L×L lag-covariance matrix with L of a few dozen, once per re-fit.
/// Jacobi is simple, unconditionally stable and accurate for small eigenvalues too (Demmel &amp; Veselić
/// 1992); at O(L³) per sweep and 6–10 sweeps it costs well under a millisecond there.
/// Rotation formulas as in Rutishauser (1966) / Golub &amp; Van Loan §8.5: t = sign(θ)/(|θ| + √(θ²+1)).
/// </remarks>
internal sealed class SymmetricEigen
{
    private const int MaxSweeps = 100;
    private readonly int _n;
    private readonly double[] _a;
    private readonly int[] _order;
    private readonly double[] _values;
    private readonly double[] _vectors;

    public SymmetricEigen(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        _n = n;
        _a = new double[n * n];
        _order = new int[n];
        _values = new double[n];
        _vectors = new double[n * n];
    }

    public int Size => _n;

    /// <summary>Eigenvalues, largest first, after <see cref="Decompose"/>.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Eigenvector <paramref name="k"/> (unit length), in the order of <see cref="Values"/>.</summary>
    public ReadOnlySpan<double> Vector(int k) => _vectors.AsSpan(k * _n, _n);

    /// <summary>Decomposes the symmetric matrix <paramref name="matrix"/> (row-major, n×n; only read).</summary>
    /// <returns>The number of sweeps used.</returns>
    public int Decompose(ReadOnlySpan<double> matrix)
    {
        var n = _n;
        matrix[..(n * n)].CopyTo(_a);
        var v = _vectors;
        Array.Clear(v);
        for (var i = 0; i < n; i++)
        {
            v[(i * n) + i] = 1.0;
        }

        double total = 0;
        foreach (var x in _a)
        {
            total += x * x;
        }

        var sweeps = 0;
        for (; sweeps < MaxSweeps; sweeps++)
        {
            double off = 0;
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    off += _a[(p * n) + q] * _a[(p * n) + q];
                }
            }

            if (off <= 1e-30 * total || off == 0)
            {
                break;
            }

            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    Rotate(p, q);
                }
            }
        }

        SortDescending();
        return sweeps;
    }

    private void Rotate(int p, int q)
    {
        var n = _n;
        var a = _a;
        var apq = a[(p * n) + q];
        if (Math.Abs(apq) < double.Epsilon * 4)
        {
            return;
        }

        var theta = (a[(q * n) + q] - a[(p * n) + p]) / (2.0 * apq);
        // For huge θ, θ² would overflow; t ≈ 1/(2θ) there.
        var t = Math.Abs(theta) > 1e150
            ? 0.5 / theta
            : (theta >= 0 ? 1.0 : -1.0) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1.0));
        var c = 1.0 / Math.Sqrt((t * t) + 1.0);
        var s = t * c;

        // A ← Jᵀ A J: columns p and q, then rows p and q.
        for (var k = 0; k < n; k++)
        {
            var akp = a[(k * n) + p];
            var akq = a[(k * n) + q];
            a[(k * n) + p] = (c * akp) - (s * akq);
            a[(k * n) + q] = (s * akp) + (c * akq);
        }

        for (var k = 0; k < n; k++)
        {
            var apk = a[(p * n) + k];
            var aqk = a[(q * n) + k];
            a[(p * n) + k] = (c * apk) - (s * aqk);
            a[(q * n) + k] = (s * apk) + (c * aqk);
        }

        // Eigenvectors are kept as rows of _vectors (row i = vector i before sorting): V ← V J on columns of Vᵀ.
        var v = _vectors;
        for (var k = 0; k < n; k++)
        {
            var vpk = v[(p * n) + k];
            var vqk = v[(q * n) + k];
            v[(p * n) + k] = (c * vpk) - (s * vqk);
            v[(q * n) + k] = (s * vpk) + (c * vqk);
        }
    }

    private void SortDescending()
    {
        var n = _n;
        for (var i = 0; i < n; i++)
        {
            _order[i] = i;
            _values[i] = _a[(i * n) + i];
        }

        // Insertion sort: n is small and this runs once per fit; stable, so ties keep their order.
        for (var i = 1; i < n; i++)
        {
            var k = _order[i];
            var j = i - 1;
            while (j >= 0 && _values[_order[j]] < _values[k])
            {
                _order[j + 1] = _order[j];
                j--;
            }

            _order[j + 1] = k;
        }

        // Permute vector rows into place, using _a (no longer needed) as scratch; then the values.
        _vectors.CopyTo(_a, 0);
        for (var i = 0; i < n; i++)
        {
            _a.AsSpan(_order[i] * n, n).CopyTo(_vectors.AsSpan(i * n, n));
        }

        for (var i = 0; i < n; i++)
        {
            _a[i] = _values[_order[i]];
        }

        _a.AsSpan(0, n).CopyTo(_values);
    }
}
