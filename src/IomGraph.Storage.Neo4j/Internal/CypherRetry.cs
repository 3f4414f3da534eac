using Polly;
using Polly.Retry;

namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// The retry of a whole Cypher operation after a failure that Neo4j reports inside a successful HTTP answer (a
/// <c>Neo.TransientError</c>), which the HTTP client's own retries cannot see. It is built from
/// <see cref="Neo4jOptions"/>: up to <see cref="Neo4jOptions.MaxRetries"/> more attempts, the first after
/// <see cref="Neo4jOptions.RetryDelay"/> and each later one after twice the previous pause, without jitter, timed by the
/// store's <see cref="TimeProvider"/>.
/// </summary>
internal static class CypherRetry
{
    /// <summary>A pipeline that runs an operation again when <paramref name="shouldRetry"/> says its exception may pass on a new attempt.</summary>
    public static ResiliencePipeline Create(Neo4jOptions options, TimeProvider time, Func<Exception, bool> shouldRetry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(shouldRetry);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };

        // Polly's retry needs at least one attempt; no retries is no strategy.
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && shouldRetry(e)),
            });
        }

        return builder.Build();
    }

    /// <summary>
    /// What a read is tried again for: a <c>Neo.TransientError</c> (a database still starting, a lock timeout). An
    /// unreachable server is the HTTP client's to retry; a refused statement is a bug, and repeating it would not help.
    /// </summary>
    public static bool IsTransientRead(Exception exception) => exception is CypherException { IsTransient: true };

    /// <summary>
    /// What a whole write transaction is run again for, after its rollback: a <c>Neo.TransientError</c>; a constraint
    /// violation, since a concurrent writer created an id this write found missing and the next attempt will find it; and
    /// an unreachable server, unless the commit had been sent, since it may have succeeded.
    /// </summary>
    public static bool IsRetryableWrite(Exception exception) => exception switch
    {
        Neo4jUnavailableException unavailable => !unavailable.CommitOutcomeUnknown,
        CypherException cypher => cypher.IsTransient || cypher.IsConstraintViolation,
        _ => false,
    };
}
