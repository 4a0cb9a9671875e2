namespace NetGuard.Hosting.Metrics;

/// <summary>The firewall calls <see cref="CountingEnforcer"/> counts, one label value each.</summary>
internal enum EnforcerOperation
{
    Prepare,
    Apply,
    Remove,
    List,
    Teardown,
}
