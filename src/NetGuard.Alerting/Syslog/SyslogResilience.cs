using System.Net.Sockets;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace NetGuard.Alerting.Syslog;

/// <summary>
/// The "syslog" pipeline: each connect-and-send attempt bounded by a timeout, retried without end
/// with exponential backoff and jitter up to a ceiling, until it succeeds or the sink shuts down.
/// No circuit breaker: there is one caller (the sender loop) and one resource, so a capped backoff
/// already stops the hammering a breaker would stop; the buffer is what callers see meanwhile.
/// Sending a syslog message twice is harmless, so retrying is safe.
/// </summary>
internal static class SyslogResilience
{
    public const string PipelineName = "syslog";

    public static ResiliencePipeline Create(SyslogOptions options, TimeProvider timeProvider, Func<OnRetryArguments<object>, ValueTask> onRetry) =>
        new ResiliencePipelineBuilder { Name = PipelineName, TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                Name = "syslog-reconnect",
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsTransient(e)),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectDelay,
                MaxDelay = options.MaxReconnectDelay,
                OnRetry = onRetry,
            })
            .AddTimeout(new Polly.Timeout.TimeoutStrategyOptions { Name = "syslog-attempt", Timeout = options.SendTimeout })
            .Build();

    /// <summary>Worth retrying: the receiver is unreachable or slow. A message too large for the socket never will be.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        SocketException { SocketErrorCode: SocketError.MessageSize } => false,
        SocketException or IOException or TimeoutRejectedException => true,
        _ => false,
    };
}
