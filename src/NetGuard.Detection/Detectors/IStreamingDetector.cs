namespace NetGuard.Detection.Detectors;

/// <summary>
/// A detector over one series. It sees values one at a time, in order, with no look-ahead and no
/// prior knowledge of the series' range, in O(1) or O(window) time and bounded memory.
/// </summary>
public interface IStreamingDetector
{
    /// <summary>A short stable name, used in alerts and evaluation output (e.g. "iid-spike").</summary>
    string Name { get; }

    /// <summary>True once enough history has been seen for <see cref="Score"/> to mean something.</summary>
    bool IsWarm { get; }

    /// <summary>
    /// Scores <paramref name="value"/> against the history before it, then adds it to the history.
    /// Returns an anomaly score in [0, 1], 1 being the most anomalous (for p-value detectors 1 − p),
    /// or 0 while not yet warm. Never NaN or infinite, whatever the input (NaN input scores 0 and is skipped).
    /// </summary>
    double Score(double value);
}
