namespace IomGraph.Api.Hosting;

/// <summary>Where the API stands with its store, as readiness reports it.</summary>
public enum StoreState
{
    /// <summary>The store has not answered yet; the API retries with backoff.</summary>
    Unreachable,

    /// <summary>The store answers, and its schema and seed are being prepared.</summary>
    Seeding,

    /// <summary>The store answered and holds its seed (or seeding is off).</summary>
    Ready,

    /// <summary>The store was ready and then stopped answering; readiness recovers when it answers again.</summary>
    Lost,
}

/// <summary>
/// The API's view of its store, shared by the seeding service (which moves it from <see cref="StoreState.Unreachable"/>
/// to <see cref="StoreState.Ready"/>), the readiness check (which notices a store lost and found again) and the gate
/// that answers graph requests with 503 until the store has been ready once. Each change of state is logged once,
/// however many retries or probes see it.
/// </summary>
public sealed partial class StoreStatus(TimeProvider time, ILogger<StoreStatus> logger)
{
    private readonly Lock _gate = new();
    private StoreState _state = StoreState.Unreachable;
    private string _reason = "The API has not reached its store yet.";
    private DateTimeOffset? _nextAttempt;
    private bool _moved;

    public StoreState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>True once the store has been ready, even if it is lost now: the store's own errors then answer 503.</summary>
    public bool HasBeenReady { get; private set; }

    /// <summary>The state, why, and when the next attempt is due (when waiting for the store).</summary>
    public (StoreState State, string Reason, DateTimeOffset? NextAttempt) Snapshot()
    {
        lock (_gate)
        {
            return (_state, _reason, _nextAttempt);
        }
    }

    /// <summary>Whole seconds until the next attempt to reach the store, at least 1: the Retry-After of a 503.</summary>
    public int RetryAfterSeconds()
    {
        var next = Snapshot().NextAttempt;
        var wait = next is null ? TimeSpan.Zero : next.Value - time.GetUtcNow();
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }

    public void Unreachable(string reason, DateTimeOffset? nextAttempt = null) =>
        Move(HasBeenReady ? StoreState.Lost : StoreState.Unreachable, reason, nextAttempt);

    public void Seeding(string reason) => Move(StoreState.Seeding, reason, null);

    public void Ready(string reason)
    {
        HasBeenReady = true;
        Move(StoreState.Ready, reason, null);
    }

    private void Move(StoreState state, string reason, DateTimeOffset? nextAttempt)
    {
        bool changed;
        lock (_gate)
        {
            changed = _state != state || !_moved;
            _moved = true;
            (_state, _reason, _nextAttempt) = (state, Sentence(reason), nextAttempt);
        }

        if (changed)
        {
            if (state is StoreState.Ready or StoreState.Seeding)
            {
                LogState(logger, state, reason);
            }
            else
            {
                LogUnreachable(logger, state, reason);
            }
        }
    }

    private static string Sentence(string reason) => reason.TrimEnd().EndsWith('.') ? reason.TrimEnd() : reason.TrimEnd() + ".";

    [LoggerMessage(Level = LogLevel.Information, Message = "Store state {State}: {Reason}")]
    private static partial void LogState(ILogger logger, StoreState state, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store state {State}: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, StoreState state, string reason);
}
