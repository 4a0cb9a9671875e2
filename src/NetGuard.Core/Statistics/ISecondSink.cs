namespace NetGuard.Core.Statistics;

/// <summary>Receives each second as it closes, on the aggregation thread.</summary>
public interface ISecondSink
{
    /// <summary>Called once per closed second, in the order seconds close. The snapshot is valid only during the call.</summary>
    void OnSecond(SecondSnapshot snapshot);
}
