namespace NetGuard.Detection.Detectors;

/// <summary>
/// Runs several detectors on the same series and reports the largest score: a spike detector and a
/// changepoint detector together cover both kinds of departure. Warm as soon as any part is.
/// </summary>
public sealed class CompositeDetector : IStreamingDetector
{
    private readonly IStreamingDetector[] _parts;

    /// <summary>Combines <paramref name="parts"/> (at least one), which this instance then owns and feeds.</summary>
    public CompositeDetector(params IStreamingDetector[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfZero(parts.Length);
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
        }

        _parts = [.. parts];
        Name = "max(" + string.Join(",", _parts.Select(p => p.Name)) + ")";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool IsWarm => _parts.Any(p => p.IsWarm);

    /// <inheritdoc />
    public double Score(double value)
    {
        double max = 0;
        foreach (var part in _parts)
        {
            max = Math.Max(max, part.Score(value));
        }

        return InputGuard.Sanitize(max);
    }
}
