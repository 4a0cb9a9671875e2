using NetGuard.Core.Statistics;

namespace NetGuard.Replay;

/// <summary>Discards seconds (replay without --stats, until detection consumes them).</summary>
internal sealed class NullSecondSink : ISecondSink
{
    public static readonly NullSecondSink Instance = new();

    public void OnSecond(SecondSnapshot snapshot)
    {
    }
}
