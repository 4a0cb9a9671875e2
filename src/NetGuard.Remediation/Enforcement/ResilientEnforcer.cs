using NetGuard.Core.Remediation;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace NetGuard.Remediation.Enforcement;

/// <summary>
/// Polly around every firewall call: a timeout per attempt, retries with exponential backoff and
/// jitter (every enforcer operation is idempotent, so retrying is safe), and a circuit breaker so a
/// broken firewall is not hammered. What still fails comes back as a failed result, never an exception.
/// </summary>
internal sealed class ResilientEnforcer : IFirewallEnforcer
{
    private readonly IFirewallEnforcer _inner;
    private readonly ResiliencePipeline<EnforcementResult> _pipeline;
    private readonly ResiliencePipeline _listPipeline;

    public ResilientEnforcer(IFirewallEnforcer inner, TimeSpan timeout, int retries, TimeProvider time)
    {
        _inner = inner;
        _pipeline = new ResiliencePipelineBuilder<EnforcementResult> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<EnforcementResult>
            {
                FailureRatio = 0.8,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = TimeSpan.FromSeconds(15),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is not null || !args.Outcome.Result.Succeeded),
            })
            .AddRetry(new RetryStrategyOptions<EnforcementResult>
            {
                MaxRetryAttempts = Math.Max(retries, 0) == 0 ? 1 : retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = args => ValueTask.FromResult(retries > 0 && (args.Outcome.Exception is not null and not OperationCanceledException || args.Outcome.Result is { Succeeded: false })),
            })
            .AddTimeout(timeout)
            .Build();
        _listPipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = Math.Max(retries, 1), BackoffType = DelayBackoffType.Exponential, UseJitter = true, Delay = TimeSpan.FromMilliseconds(200) })
            .AddTimeout(timeout)
            .Build();
    }

    public string Name => _inner.Name;

    public EnforcerCapabilities Capabilities => _inner.Capabilities;

    public ValueTask<EnforcementResult> PrepareAsync(CancellationToken cancellationToken) => Run(ct => _inner.PrepareAsync(ct), cancellationToken);

    public ValueTask<EnforcementResult> ApplyAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken) => Run(ct => _inner.ApplyAsync(rules, ct), cancellationToken);

    public ValueTask<EnforcementResult> RemoveAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken) => Run(ct => _inner.RemoveAsync(rules, ct), cancellationToken);

    public ValueTask<EnforcementResult> TeardownAsync(CancellationToken cancellationToken) => Run(ct => _inner.TeardownAsync(ct), cancellationToken);

    public async ValueTask<IReadOnlyList<OwnedRule>> ListAsync(CancellationToken cancellationToken) =>
        await _listPipeline.ExecuteAsync(ct => _inner.ListAsync(ct), cancellationToken).ConfigureAwait(false);

    private async ValueTask<EnforcementResult> Run(Func<CancellationToken, ValueTask<EnforcementResult>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(call, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            return EnforcementResult.Failed($"{_inner.Name}: the firewall failed repeatedly; calls are paused ({e.Message})");
        }
        catch (TimeoutRejectedException)
        {
            return EnforcementResult.Failed($"{_inner.Name}: the firewall call timed out");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return EnforcementResult.Failed($"{_inner.Name}: {e.Message}");
        }
    }
}
