using NetGuard.Detection.Numerics;

namespace NetGuard.Detection.Detectors;

/// <summary>
/// The online side of SSA: projects each new lag vector onto the model's subspace, averages the
/// projections along the anti-diagonals (incremental Hankelisation) and forecasts the next value with
/// the LRF. O(L·r) per value, no allocation.
/// </summary>
/// <remarks>
/// The state holds the L − 1 latest smoothed values; entry i (covering time t − (L − 2 − i)) has been
/// seen in L − 2 − i earlier lag vectors, so the new projection enters its average with weight
/// 1/(L − 1 − i), as in ML.NET's modeler (after Badeau et al., "Fast approximated power iteration subspace tracking").
/// </remarks>
internal sealed class SsaForecaster
{
    private readonly int _l;
    private readonly double[] _x;
    private readonly double[] _smooth;
    private readonly double[] _state;
    private readonly RingBuffer _lags;
    private SsaModel? _model;
    private double _last;

    public SsaForecaster(int windowLength)
    {
        _l = windowLength;
        _x = new double[windowLength];
        _smooth = new double[windowLength];
        _state = new double[windowLength - 1];
        _lags = new RingBuffer(windowLength - 1);
    }

    /// <summary>The forecast of the next value.</summary>
    public double Prediction { get; private set; }

    /// <summary>Starts from <paramref name="model"/> with the state set from the latest lag vector in <paramref name="history"/>.</summary>
    public void Reset(SsaModel model, RingBuffer history)
    {
        _model = model;
        history.CopyNewest(_x);
        _last = _x[_l - 1];
        _lags.Clear();
        for (var j = 1; j < _l; j++)
        {
            _lags.Add(_x[j], out _);
        }

        Smooth(model);
        _smooth.AsSpan(1).CopyTo(_state);
        Predict(model);
    }

    /// <summary>Feeds the next value (as cleaned by the caller: it also becomes part of the next lag vectors).</summary>
    public void Observe(double value)
    {
        var model = _model!;
        _lags.CopyNewest(_x.AsSpan(0, _l - 1));
        _x[_l - 1] = value;
        _lags.Add(value, out _);
        _last = value;
        Smooth(model);
        UpdateState(_state, _smooth);
        Predict(model);
    }

    /// <summary>Folds a new smoothed lag vector into the anti-diagonal averages.</summary>
    public static void UpdateState(Span<double> state, ReadOnlySpan<double> smooth)
    {
        var l = smooth.Length;
        for (var i = 0; i < l - 2; i++)
        {
            state[i] = (((l - 2 - i) * state[i + 1]) + smooth[i + 1]) / (l - 1 - i);
        }

        state[l - 2] = smooth[l - 1];
    }

    private void Smooth(SsaModel model)
    {
        var l = _l;
        var center = model.Center;
        for (var j = 0; j < l; j++)
        {
            _x[j] -= center;
        }

        Array.Clear(_smooth);
        for (var v = 0; v < model.VectorCount; v++)
        {
            var u = model.Vector(v);
            double dot = 0;
            for (var j = 0; j < l; j++)
            {
                dot += u[j] * _x[j];
            }

            for (var j = 0; j < l; j++)
            {
                _smooth[j] += dot * u[j];
            }
        }
    }

    private void Predict(SsaModel model)
    {
        double forecast = 0;
        var alpha = model.Alpha;
        for (var j = 0; j < _l - 1; j++)
        {
            forecast += alpha[j] * _state[j];
        }

        forecast += model.Center;
        // Cannot happen with capped inputs and |α| bounded by 1/(1 − ν²); kept so a NaN never reaches a score.
        Prediction = double.IsFinite(forecast) ? forecast : _last;
    }
}
