namespace NetGuard.Aggregation.Tables;

/// <summary>Visits every pair of a <see cref="PairTable"/> without allocating (a struct, passed by reference).</summary>
internal interface IPairVisitor
{
    void Visit(int slot, uint value, int count);
}
