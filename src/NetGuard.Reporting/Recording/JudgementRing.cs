using NetGuard.Core.Detection;

namespace NetGuard.Reporting.Recording;

/// <summary>
/// A host's last seconds as detection judged them, every metric, in floats. Starts small and grows
/// to its capacity only for hosts that stay active, so the many hosts seen for a second or two cost little.
/// </summary>
internal sealed class JudgementRing
{
    private const int InitialSeconds = 4;
    private readonly int _metrics;
    private readonly int _capacity;
    private long[] _seconds;
    private Judged[] _values;
    private int _start;
    private int _count;

    public JudgementRing(int metrics, int capacity)
    {
        _metrics = metrics;
        _capacity = Math.Max(1, capacity);
        var initial = Math.Min(_capacity, InitialSeconds);
        _seconds = new long[initial];
        _values = new Judged[initial * metrics];
    }

    public int Count => _count;

    public void Add(long second, ReadOnlySpan<MetricJudgement> judged)
    {
        if (_count == _seconds.Length && _seconds.Length < _capacity)
        {
            Grow();
        }

        int slot;
        if (_count < _seconds.Length)
        {
            slot = (_start + _count) % _seconds.Length;
            _count++;
        }
        else
        {
            slot = _start;
            _start = (_start + 1) % _seconds.Length;
        }

        _seconds[slot] = second;
        var metrics = Math.Min(_metrics, judged.Length);
        for (var m = 0; m < metrics; m++)
        {
            var j = judged[m];
            _values[(slot * _metrics) + m] = new Judged((float)j.Value, (float)j.Baseline, (float)j.Deviation, (float)j.Score, (float)j.Cusum);
        }
    }

    /// <summary>Adds the kept seconds of one metric to <paramref name="series"/>, oldest first.</summary>
    public void CopyTo(int metric, MetricSeries series)
    {
        for (var i = 0; i < _count; i++)
        {
            var slot = (_start + i) % _seconds.Length;
            var j = _values[(slot * _metrics) + metric];
            series.Add(_seconds[slot], new MetricJudgement(j.Value, j.Baseline, j.Deviation, j.Score, j.Cusum));
        }
    }

    private void Grow()
    {
        var size = Math.Min(_capacity, _seconds.Length * 2);
        var seconds = new long[size];
        var values = new Judged[size * _metrics];
        for (var i = 0; i < _count; i++)
        {
            var slot = (_start + i) % _seconds.Length;
            seconds[i] = _seconds[slot];
            Array.Copy(_values, slot * _metrics, values, i * _metrics, _metrics);
        }

        _seconds = seconds;
        _values = values;
        _start = 0;
    }

    private readonly record struct Judged(float Value, float Baseline, float Deviation, float Score, float Cusum);
}
