using NetGuard.Core.Remediation;

namespace NetGuard.Hosting.Metrics;

/// <summary>
/// Counts the firewall calls that fail (a failed result or an exception), for metrics. It wraps the
/// real enforcer inside the Polly pipeline, so every attempt counts, retries and timeouts included.
/// </summary>
internal sealed class CountingEnforcer(IFirewallEnforcer inner) : IFirewallEnforcer
{
    private readonly long[] _failures = new long[Enum.GetValues<EnforcerOperation>().Length];

    public string Name => inner.Name;

    public EnforcerCapabilities Capabilities => inner.Capabilities;

    public long Failures(EnforcerOperation operation) => Interlocked.Read(ref _failures[(int)operation]);

    public ValueTask<EnforcementResult> PrepareAsync(CancellationToken cancellationToken) => Count(EnforcerOperation.Prepare, () => inner.PrepareAsync(cancellationToken));

    public ValueTask<EnforcementResult> ApplyAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken) => Count(EnforcerOperation.Apply, () => inner.ApplyAsync(rules, cancellationToken));

    public ValueTask<EnforcementResult> RemoveAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken) => Count(EnforcerOperation.Remove, () => inner.RemoveAsync(rules, cancellationToken));

    public ValueTask<EnforcementResult> TeardownAsync(CancellationToken cancellationToken) => Count(EnforcerOperation.Teardown, () => inner.TeardownAsync(cancellationToken));

    public async ValueTask<IReadOnlyList<OwnedRule>> ListAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await inner.ListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Increment(ref _failures[(int)EnforcerOperation.List]);
            throw;
        }
    }

    private async ValueTask<EnforcementResult> Count(EnforcerOperation operation, Func<ValueTask<EnforcementResult>> call)
    {
        try
        {
            var result = await call().ConfigureAwait(false);
            if (!result.Succeeded)
            {
                Interlocked.Increment(ref _failures[(int)operation]);
            }

            return result;
        }
        catch
        {
            Interlocked.Increment(ref _failures[(int)operation]);
            throw;
        }
    }
}
