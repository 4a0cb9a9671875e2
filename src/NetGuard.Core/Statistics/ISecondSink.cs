namespace NetGuard.Core.Statistics;

/// <summary>Receives each second as it closes, one at a time and in order (on the aggregation thread, or on the detection thread behind a <c>SecondHandoff</c>).</summary>
public interface ISecondSink
{
    /// <summary>Called once per closed second, in the order seconds close. The snapshot is valid only during the call.</summary>
    void OnSecond(SecondSnapshot snapshot);
}
