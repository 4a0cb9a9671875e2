using NetGuard.Detection.Numerics;

namespace NetGuard.Detection.Detectors;

/// <summary>
/// Numenta's anomaly likelihood as a decorator: a short moving average of the inner detector's scores,
/// judged against the long-run Gaussian of past averages; reports 1 − the upper tail probability.
/// </summary>
/// <remarks>
/// Ahmad, Lavin, Purdy &amp; Agha, "Unsupervised real-time anomaly detection for streaming data",
/// Neurocomputing 262 (2017), and anomaly_likelihood.py (nupic / htm.core). Departures: the tail is
/// one-sided (an average below the usual is not an anomaly; Numenta folds it onto the upper tail);
/// a surprisal input for p-value scores; history kept as a fixed ring. The mean and variance are
/// re-estimated by two passes over the history every <c>ReestimationPeriod</c> values (amortised O(1));
/// Numenta's floors (mean ≥ 0.03, variance ≥ 0.0003) keep an all-quiet history from making any blip red.
/// </remarks>
public sealed class AnomalyLikelihood : IStreamingDetector
{
    private const double MinMean = 0.03;
    private const double MinVariance = 0.0003;
    private const double RedTail = 1e-5;
    private const double YellowTail = 1e-3;
    private const double LogFloor = 1e-10;
    private const double SurprisalCap = 40;

    private readonly IStreamingDetector _inner;
    private readonly AnomalyLikelihoodOptions _options;
    private readonly RingBuffer _recent;
    private readonly RingBuffer _history;
    private int _skipped;
    private int _sinceEstimate;
    private bool _estimated;
    private double _mean;
    private double _stdDev;
    private double _previousTail = 1;

    /// <summary>Wraps <paramref name="inner"/>, which this instance then owns and feeds.</summary>
    public AnomalyLikelihood(IStreamingDetector inner, AnomalyLikelihoodOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        options ??= new AnomalyLikelihoodOptions();
        options.Validate();
        _inner = inner;
        _options = options;
        _recent = new RingBuffer(options.AveragingWindow);
        _history = new RingBuffer(options.HistoryLength);
        var input = options.Input == LikelihoodInput.Raw ? "raw-" : "";
        var output = options.Output == LikelihoodOutput.LogLikelihood ? "log-likelihood" : "likelihood";
        Name = $"{inner.Name}+{input}{output}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool IsWarm => _skipped >= _options.LearningPeriod && _history.Count >= _options.EstimationSamples;

    /// <summary>
    /// The tail probability behind the last score (after the red filter), 1 when the last call did not score;
    /// for a caller that wants the evidence itself (<see cref="EnsembleDetector"/>) rather than the mapped score.
    /// </summary>
    internal double LastTail { get; private set; } = 1;

    /// <inheritdoc />
    public double Score(double value)
    {
        LastTail = 1;

        // Warmth before the call: the call that completes the inner warm-up still returns 0, which is no score.
        var innerWarm = _inner.IsWarm;
        var raw = _inner.Score(value);
        if (double.IsNaN(value) || !innerWarm)
        {
            return 0;
        }

        _recent.Add(_options.Input == LikelihoodInput.Surprisal ? Surprisal(raw) : raw, out _);
        var average = Average(_recent);
        if (_skipped < _options.LearningPeriod)
        {
            _skipped++;
            return 0;
        }

        if (_history.Count < _options.EstimationSamples)
        {
            _history.Add(average, out _);
            return 0;
        }

        if (!_estimated || ++_sinceEstimate >= _options.ReestimationPeriod)
        {
            Estimate();
        }

        var tail = SpecialFunctions.NormalUpperTail((average - _mean) / _stdDev);
        var reported = _options.FilterRepeatedRed && tail <= RedTail && _previousTail <= RedTail ? YellowTail : tail;
        _previousTail = tail;
        _history.Add(average, out _);
        LastTail = reported;

        var score = _options.Output == LikelihoodOutput.LogLikelihood
            ? Math.Log(reported + LogFloor) / Math.Log(LogFloor)
            : 1.0 - reported;
        return InputGuard.Sanitize(score);
    }

    private static double Surprisal(double score) => Math.Min(SurprisalCap, -Math.Log(Math.Max(1.0 - score, 1e-300)));

    private static double Average(RingBuffer values)
    {
        double sum = 0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[i];
        }

        return sum / values.Count;
    }

    private void Estimate()
    {
        _estimated = true;
        _sinceEstimate = 0;
        var n = _history.Count;
        var mean = Average(_history);
        double m2 = 0;
        for (var i = 0; i < n; i++)
        {
            var d = _history[i] - mean;
            m2 += d * d;
        }

        _mean = Math.Max(mean, MinMean);
        _stdDev = Math.Sqrt(Math.Max(m2 / n, MinVariance));
    }
}
