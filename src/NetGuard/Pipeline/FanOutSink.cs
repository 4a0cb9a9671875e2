using NetGuard.Core.Statistics;

namespace NetGuard.Pipeline;

/// <summary>Hands each closed second to several sinks in order (statistics output, then detection).</summary>
internal sealed class FanOutSink(params ISecondSink[] sinks) : ISecondSink
{
    public void OnSecond(SecondSnapshot snapshot)
    {
        foreach (var sink in sinks)
        {
            sink.OnSecond(snapshot);
        }
    }
}
