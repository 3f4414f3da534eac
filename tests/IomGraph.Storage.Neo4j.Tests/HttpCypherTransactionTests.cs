using IomGraph.Storage.Neo4j.Internal;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>The lifecycle both HTTP transports share: when a transaction is open, what closes it, what a rollback ignores.</summary>
public sealed class HttpCypherTransactionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Disposing_an_open_transaction_rolls_it_back_once()
    {
        var transaction = new Recording();

        await using (transaction)
        {
            await transaction.ExecuteAsync([], Ct);
        }

        await transaction.DisposeAsync();
        Assert.Equal(["send", "rollback"], transaction.Steps);
    }

    [Fact]
    public async Task A_committed_transaction_is_closed_and_not_rolled_back()
    {
        var transaction = new Recording();

        await using (transaction)
        {
            await transaction.CommitAsync(Ct);
            await Assert.ThrowsAsync<ObjectDisposedException>(() => transaction.CommitAsync(Ct));
            await Assert.ThrowsAsync<ObjectDisposedException>(() => transaction.ExecuteAsync([], Ct));
        }

        Assert.Equal(["commit"], transaction.Steps);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_statement_that_fails_at_the_server_closes_the_transaction(bool unavailable)
    {
        var transaction = new Recording { SendFailure = unavailable ? new Neo4jUnavailableException("gone") : new CypherException("Neo.ClientError.Statement.SyntaxError", "bad", null) };

        await using (transaction)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => transaction.ExecuteAsync([], Ct));
            await Assert.ThrowsAsync<ObjectDisposedException>(() => transaction.ExecuteAsync([], Ct));
        }

        Assert.Equal(["send"], transaction.Steps);
    }

    [Fact]
    public async Task Any_other_failure_leaves_the_transaction_open_to_be_rolled_back()
    {
        var transaction = new Recording { SendFailure = new OperationCanceledException() };

        await using (transaction)
        {
            await Assert.ThrowsAsync<OperationCanceledException>(() => transaction.ExecuteAsync([], Ct));
        }

        Assert.Equal(["send", "rollback"], transaction.Steps);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_rollback_that_fails_at_the_server_is_ignored(bool unavailable)
    {
        var transaction = new Recording { RollbackFailure = unavailable ? new Neo4jUnavailableException("gone") : new CypherException("Neo.TransientError.General.DatabaseUnavailable", "down", null) };

        await transaction.RollbackAsync(Ct);
        await transaction.DisposeAsync();

        Assert.Equal(["rollback"], transaction.Steps);
    }

    [Fact]
    public async Task The_rollback_on_dispose_has_its_own_deadline()
    {
        var transaction = new Recording();

        await transaction.DisposeAsync();

        Assert.True(transaction.RollbackToken.CanBeCanceled, "The rollback on dispose must not wait for ever on a silent server.");
    }

    private sealed class Recording : HttpCypherTransaction
    {
        public List<string> Steps { get; } = [];

        public Exception? SendFailure { get; init; }

        public Exception? RollbackFailure { get; init; }

        public CancellationToken RollbackToken { get; private set; }

        protected override Task<IReadOnlyList<CypherResult>> SendAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
        {
            Steps.Add("send");
            return SendFailure is null ? Task.FromResult<IReadOnlyList<CypherResult>>([]) : Task.FromException<IReadOnlyList<CypherResult>>(SendFailure);
        }

        protected override Task SendCommitAsync(CancellationToken cancellationToken)
        {
            Steps.Add("commit");
            return Task.CompletedTask;
        }

        protected override Task SendRollbackAsync(CancellationToken cancellationToken)
        {
            Steps.Add("rollback");
            RollbackToken = cancellationToken;
            return RollbackFailure is null ? Task.CompletedTask : Task.FromException(RollbackFailure);
        }
    }
}
