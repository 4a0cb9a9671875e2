using NetGuard.Detection.Numerics;

namespace NetGuard.Detection.Detectors;

/// <summary>
/// Keeps the latest N values, fits the SSA model once N are in and again every refit interval, and
/// turns each new value into its one-step forecast residual (value − forecast).
/// </summary>
/// <remarks>
/// A value far from its forecast is clipped to forecast ± bound before it enters the forecaster's lag
/// vectors (the caller passes the bound, a few residual σ): otherwise one spike sits in the next L lag
/// vectors and bends the next L forecasts, and the spike detector fires after the spike as well as at
/// it. Only the first of a run of same-side outliers is clipped: a second one in a row is a level shift
/// to follow, not a spike to ignore (clipping every value of a shift kept NAB's forecasts behind the
/// series until the next re-fit, 43 → 34 points on the standard profile). Re-fits use the raw values.
/// </remarks>
internal sealed class SsaResidualStream
{
    private readonly RingBuffer _series;
    private readonly double[] _trainingCopy;
    private readonly SsaFitter _fitter;
    private readonly SsaModel _model;
    private readonly SsaForecaster _forecaster;
    private readonly int _refitInterval;
    private int _sinceFit;
    private int _previousOutlierSide;

    public SsaResidualStream(SsaModelOptions options)
    {
        var l = options.WindowLength;
        _series = new RingBuffer(options.TrainingLength);
        _trainingCopy = new double[options.TrainingLength];
        _fitter = new SsaFitter(l, options.TrainingLength, options.EffectiveMaxRank);
        _model = new SsaModel(l, options.EffectiveMaxRank);
        _forecaster = new SsaForecaster(l);
        _refitInterval = options.EffectiveRefitInterval;
    }

    public bool IsTrained { get; private set; }

    public SsaModel Model => _model;

    /// <summary>The forecast of the next value (meaningful once trained).</summary>
    public double Forecast => _forecaster.Prediction;

    /// <summary>
    /// Feeds a finite value; returns its residual, or NaN before the first fit.
    /// <paramref name="clipBound"/> limits how far from the forecast the value may pull the state (∞: no limit).
    /// </summary>
    public double Observe(double value, double clipBound)
    {
        var residual = double.NaN;
        if (IsTrained)
        {
            var forecast = _forecaster.Prediction;
            residual = value - forecast;
            var side = Math.Abs(residual) <= clipBound ? 0 : Math.Sign(residual);
            var isolated = side != 0 && side != _previousOutlierSide;
            _previousOutlierSide = side;
            _forecaster.Observe(isolated ? forecast + Math.CopySign(clipBound, residual) : value);
        }

        _series.Add(value, out _);
        if (IsTrained ? ++_sinceFit >= _refitInterval : _series.IsFull)
        {
            _series.CopyNewest(_trainingCopy);
            _fitter.Fit(_trainingCopy, _model);
            _forecaster.Reset(_model, _series);
            _sinceFit = 0;
            IsTrained = true;
        }

        return residual;
    }
}
