namespace IomGraph.Storage.Neo4j.Internal;

/// <summary>
/// An explicit transaction of one of the HTTP transports, which supply its three requests. The lifecycle is the same for
/// both: a failed statement ends the transaction (the server rolls back on any error, and a lost request leaves it to
/// time out), a commit is tried once, and disposing an open transaction rolls it back within
/// <see cref="RollbackTimeout"/>, ignoring failures.
/// </summary>
internal abstract class HttpCypherTransaction : ICypherTransaction
{
    /// <summary>How long a rollback on dispose may take; it runs without the caller's token, which may be cancelled.</summary>
    private static readonly TimeSpan RollbackTimeout = TimeSpan.FromSeconds(10);

    private bool _open = true;

    public async Task<IReadOnlyList<CypherResult>> ExecuteAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(!_open, this);
        try
        {
            return await SendAsync(statements, cancellationToken);
        }
        catch (Exception e) when (e is CypherException or Neo4jUnavailableException)
        {
            _open = false;
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(!_open, this);
        _open = false;
        await SendCommitAsync(cancellationToken);
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (!_open)
        {
            return;
        }

        _open = false;
        try
        {
            await SendRollbackAsync(cancellationToken);
        }
        catch (Exception e) when (e is Neo4jUnavailableException or CypherException)
        {
            // The server rolls back a transaction it no longer hears from; nothing more to do.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_open)
        {
            using var timeout = new CancellationTokenSource(RollbackTimeout);
            await RollbackAsync(timeout.Token);
        }
    }

    /// <summary>Runs the statements in the open transaction, in order, and returns one result per statement.</summary>
    protected abstract Task<IReadOnlyList<CypherResult>> SendAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken);

    /// <summary>Commits; the transaction is already closed when this is called.</summary>
    protected abstract Task SendCommitAsync(CancellationToken cancellationToken);

    /// <summary>Rolls back (an HTTP DELETE of the transaction); its failures are ignored.</summary>
    protected abstract Task SendRollbackAsync(CancellationToken cancellationToken);
}
