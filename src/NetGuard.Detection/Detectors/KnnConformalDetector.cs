using NetGuard.Detection.Numerics;

namespace NetGuard.Detection.Detectors;

/// <summary>
/// KNN conformal anomaly detector over lag vectors (after Burnaev &amp; Ishimtsev's KNN CAD, 2016): each
/// new window of the last <see cref="KnnConformalOptions.Dimension"/> values is scored by how far it lies
/// from its nearest past windows, ranked among the same measure of recent windows.
/// </summary>
/// <remarks>
/// Nonconformity α = the sum of the squared Euclidean distances from the newest lag vector to its k nearest
/// among the previous <c>TrainingLength</c> lag vectors that do not overlap it. The score is 1 − p with the
/// conformal p-value p = (#{past α ≥ α} + 1)/(m + 1) over the last m = <c>CalibrationLength</c> values of α
/// (Vovk, Gammerman &amp; Shafer 2005): uniform when the windows are exchangeable, whatever their distribution.
/// A pattern never seen in the training span scores high even when every value in it is ordinary, which a
/// marginal detector (<see cref="RankSpikeDetector"/>) cannot see. With <c>Differencing</c> the vectors hold
/// first differences, so a familiar shape at a new level is not news. Departures from KNN CAD: Euclidean
/// rather than Mahalanobis distance (the p-value is invariant to the series' scale either way), a sliding
/// training span and calibration set rather than ones tied to NAB's probationary period, k = 3 rather than 27.
/// Cost O(TrainingLength·Dimension) per value; memory 2·(TrainingLength + 2·Dimension) + TrainingLength +
/// CalibrationLength doubles.
/// </remarks>
public sealed class KnnConformalDetector : IStreamingDetector
{
    private readonly int _dimension;
    private readonly int _neighbours;
    private readonly int _training;
    private readonly int _minCalibration;
    private readonly bool _differencing;

    // The last Capacity values, each stored twice (at i and i + Capacity) so any run of them is one contiguous span.
    private readonly double[] _values;
    private readonly int _capacity;
    private readonly double[] _distances;
    private readonly RingBuffer _calibration;
    private int _next;
    private int _count;
    private double _previous = double.NaN;

    /// <summary>A detector with <paramref name="options"/>, or the defaults.</summary>
    public KnnConformalDetector(KnnConformalOptions? options = null)
    {
        options ??= new KnnConformalOptions();
        options.Validate();
        _dimension = options.Dimension;
        _neighbours = options.Neighbours;
        _training = options.TrainingLength;
        _minCalibration = options.EffectiveMinCalibration;
        _differencing = options.Differencing;
        _capacity = options.TrainingLength + (2 * options.Dimension) - 1;
        _values = new double[2 * _capacity];
        _distances = new double[options.TrainingLength];
        _calibration = new RingBuffer(options.CalibrationLength);
        Name = options.Differencing ? "knn-cad-diff" : "knn-cad";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool IsWarm => _calibration.Count >= _minCalibration;

    /// <inheritdoc />
    public double Score(double value)
    {
        if (!InputGuard.TryNormalize(value, out var x))
        {
            return 0;
        }

        if (_differencing)
        {
            var previous = _previous;
            _previous = x;
            if (double.IsNaN(previous))
            {
                return 0;
            }

            // Both are capped at 1e100, so the difference stays finite.
            x -= previous;
        }

        Append(x);

        // Lag vectors not overlapping the newest one end at least Dimension values before it.
        var available = _count - (2 * _dimension) + 1;
        if (available < _neighbours)
        {
            return 0;
        }

        var warm = IsWarm;
        var alpha = Nonconformity(Math.Min(available, _training));
        var score = warm ? 1.0 - PValue(alpha) : 0.0;
        _calibration.Add(alpha, out _);
        return InputGuard.Sanitize(score);
    }

    private void Append(double x)
    {
        _values[_next] = x;
        _values[_next + _capacity] = x;
        _next = _next + 1 == _capacity ? 0 : _next + 1;
        _count = Math.Min(_count + 1, _capacity);
    }

    private double Nonconformity(int training)
    {
        // Chronological view: the newest value sits at end − 1.
        var end = _next + _capacity;
        ReadOnlySpan<double> values = _values;
        var current = values.Slice(end - _dimension, _dimension);
        var distances = _distances.AsSpan(0, training);
        for (var j = 0; j < training; j++)
        {
            distances[j] = SquaredDistance(current, values.Slice(end - (2 * _dimension) - j, _dimension));
        }

        var k = Math.Min(_neighbours, training);
        SelectSmallest(distances, k);
        double sum = 0;
        for (var i = 0; i < k; i++)
        {
            sum += distances[i];
        }

        // Capped values keep each square below 4e200, but a very long vector could still overflow: keep α finite.
        return Math.Min(sum, double.MaxValue);
    }

    private double PValue(double alpha)
    {
        _calibration.GetSegments(out var first, out var second);
        var atLeast = CountAtLeast(first, alpha) + CountAtLeast(second, alpha);
        return (atLeast + 1.0) / (_calibration.Count + 1.0);
    }

    private static int CountAtLeast(ReadOnlySpan<double> values, double alpha)
    {
        var n = 0;
        foreach (var v in values)
        {
            n += v >= alpha ? 1 : 0;
        }

        return n;
    }

    private static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        // Four partial sums in a fixed order: deterministic, and independent of the hardware's vector width.
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var i = 0;
        for (; i + 3 < a.Length; i += 4)
        {
            var d0 = a[i] - b[i];
            var d1 = a[i + 1] - b[i + 1];
            var d2 = a[i + 2] - b[i + 2];
            var d3 = a[i + 3] - b[i + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }

        for (; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            s0 += d * d;
        }

        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>Moves the <paramref name="k"/> smallest values to the front (any order): Hoare quickselect, O(n) expected.</summary>
    internal static void SelectSmallest(Span<double> values, int k)
    {
        var low = 0;
        var high = values.Length - 1;
        var target = k - 1;
        while (low < high)
        {
            var pivot = values[(low + high) >>> 1];
            var i = low;
            var j = high;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (target <= j)
            {
                high = j;
            }
            else if (target >= i)
            {
                low = i;
            }
            else
            {
                break;
            }
        }
    }
}
