using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

/// <summary>An inner detector that returns a fixed script of scores, warm after <c>warmUp</c> calls.</summary>
internal sealed class ScriptedDetector(IReadOnlyList<double> scores, int warmUp = 0) : IStreamingDetector
{
    private int _calls;

    public string Name => "scripted";

    public bool IsWarm => _calls >= warmUp;

    public double Score(double value)
    {
        if (double.IsNaN(value))
        {
            return 0;
        }

        var warm = IsWarm;
        var score = _calls < scores.Count ? scores[_calls] : 0;
        _calls++;
        return warm ? score : 0;
    }
}
