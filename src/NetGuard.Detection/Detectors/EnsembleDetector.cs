namespace NetGuard.Detection.Detectors;

/// <summary>
/// Several detectors on one series, each judged against its own history, combined by the strongest evidence,
/// with a refractory period after each alarm: the NAB-tuned streaming detector (<see cref="Default"/>).
/// </summary>
/// <remarks>
/// <para>Each calibrated member's score goes through an <see cref="AnomalyLikelihood"/> (surprisal input, no red
/// filter, <see cref="EnsembleOptions.LikelihoodHistory"/>) whose tail probability q becomes evidence
/// e = weight·(−log10 q) decades; the ensemble's evidence E is the largest e, reported as E/(E + E₀) with
/// E₀ = <see cref="EnsembleOptions.AlarmDecades"/>: 0.5 at the alarm level (a tail of 1e-5 by default), never
/// saturating short of 1, so a threshold sweep can still order the strongest alarms. Uncalibrated members
/// (0/1 detectors) count with their own score. The likelihood layer is what makes one threshold work across
/// series: each member is compared with its own past, not with a fixed scale.</para>
/// <para>Refractory period: once the score reaches 0.5, the next R scores are 0, R = the
/// <see cref="EnsembleOptions.RefractoryFraction"/> of the values seen so far, clamped to
/// [<see cref="EnsembleOptions.MinRefractory"/>, <see cref="EnsembleOptions.MaxRefractory"/>]. One event then
/// raises one alarm rather than a burst (the members still learn from every value). NAB's KNN CAD and contextOSE
/// rest for a fifth of NAB's probationary period, 0.03 of the file's length, which they are told in advance;
/// 0.03 of the values seen so far is the streaming analogue.</para>
/// <para>Cost: the members' plus O(AveragingWindow) per calibrated member, and O(LikelihoodHistory/ReestimationPeriod)
/// amortised; memory: the members' plus LikelihoodHistory + AveragingWindow doubles per calibrated member.</para>
/// </remarks>
public sealed class EnsembleDetector : IStreamingDetector
{
    // Tails below this are floored (NormalUpperTail reaches 0 near z ≈ 38), capping evidence at 300 decades.
    private const double MinTail = 1e-300;
    private const double AlarmScore = 0.5;

    private readonly IStreamingDetector[] _parts;
    private readonly AnomalyLikelihood?[] _likelihoods;
    private readonly double[] _weights;
    private readonly EnsembleOptions _options;
    private long _seen;
    private int _quiet;

    /// <summary>An ensemble of <paramref name="members"/> (at least one), which this instance then owns and feeds.</summary>
    public EnsembleDetector(IEnumerable<EnsembleMember> members, EnsembleOptions? options = null, string name = "ensemble")
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        options ??= new EnsembleOptions();
        options.Validate();
        var list = members.ToArray();
        ArgumentOutOfRangeException.ThrowIfZero(list.Length, nameof(members));
        _options = options;
        _parts = new IStreamingDetector[list.Length];
        _likelihoods = new AnomalyLikelihood?[list.Length];
        _weights = new double[list.Length];
        for (var i = 0; i < list.Length; i++)
        {
            var member = list[i] ?? throw new ArgumentNullException(nameof(members));
            ArgumentNullException.ThrowIfNull(member.Detector, nameof(members));
            if (!(member.Weight > 0 && member.Weight <= 100))
            {
                throw new ArgumentOutOfRangeException(nameof(members), member.Weight, "A member's weight must be in (0, 100].");
            }

            _weights[i] = member.Weight;
            if (member.Calibrated)
            {
                var likelihood = new AnomalyLikelihood(member.Detector, new AnomalyLikelihoodOptions
                {
                    AveragingWindow = member.AveragingWindow,
                    EstimationSamples = options.EstimationSamples,
                    HistoryLength = options.LikelihoodHistory,
                    ReestimationPeriod = options.ReestimationPeriod,
                    Input = LikelihoodInput.Surprisal,
                    Output = LikelihoodOutput.Likelihood,
                    FilterRepeatedRed = false,
                });
                _likelihoods[i] = likelihood;
                _parts[i] = likelihood;
            }
            else
            {
                _parts[i] = member.Detector;
            }
        }

        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool IsWarm
    {
        get
        {
            foreach (var part in _parts)
            {
                if (part.IsWarm)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The default ensemble ("ensemble"): a long-memory rank spike detector for values never seen at that size, KNN
    /// conformal detectors on values and on differences for shapes never seen, range novelty for values beyond
    /// everything seen (each NAB-tuned; ALGORITHMS.md gives the figures and how they were chosen).
    /// </summary>
    public static EnsembleDetector Default(EnsembleOptions? options = null) => new(
        [
            new EnsembleMember(new RankSpikeDetector(), Weight: 1, AveragingWindow: 10),
            new EnsembleMember(new KnnConformalDetector(), Weight: 0.6, AveragingWindow: 20),
            new EnsembleMember(new KnnConformalDetector(new KnnConformalOptions { Differencing = true }), Weight: 0.6, AveragingWindow: 20),
            new EnsembleMember(new RangeNoveltyDetector(), Calibrated: false),
        ],
        options,
        "ensemble");

    /// <summary>The ensemble without its KNN members ("ensemble-lite"): about a tenth of the cost, a few NAB points less.</summary>
    public static EnsembleDetector Lite(EnsembleOptions? options = null) => new(
        [
            new EnsembleMember(new RankSpikeDetector(), Weight: 1, AveragingWindow: 10),
            new EnsembleMember(new RangeNoveltyDetector(), Calibrated: false),
        ],
        options,
        "ensemble-lite");

    /// <inheritdoc />
    public double Score(double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        _seen++;
        double evidence = 0;
        double direct = 0;
        for (var i = 0; i < _parts.Length; i++)
        {
            var score = _parts[i].Score(value);
            var likelihood = _likelihoods[i];
            if (likelihood is null)
            {
                direct = Math.Max(direct, score);
            }
            else
            {
                evidence = Math.Max(evidence, _weights[i] * -Math.Log10(Math.Max(likelihood.LastTail, MinTail)));
            }
        }

        var combined = InputGuard.Sanitize(Math.Max(direct, evidence / (evidence + _options.AlarmDecades)));
        if (_quiet > 0)
        {
            _quiet--;
            return 0;
        }

        if (combined >= AlarmScore && _options.MaxRefractory > 0)
        {
            _quiet = (int)Math.Clamp(_options.RefractoryFraction * _seen, _options.MinRefractory, _options.MaxRefractory);
        }

        return combined;
    }
}
