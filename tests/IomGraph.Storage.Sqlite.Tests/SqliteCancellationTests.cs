using IomGraph.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Tests;

/// <summary>
/// A cancelled token stops a statement that SQLite is running, not only the next one: Microsoft.Data.Sqlite checks the
/// token before it starts a statement, so the connection source interrupts the connection (sqlite3_interrupt) when the
/// token of the operation that holds it is cancelled. A request timeout relies on this to free the store.
/// </summary>
public sealed class SqliteCancellationTests
{
    // Counts without end: only an interrupt stops it.
    private const string EndlessQuery = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c;";

    // Far beyond how long the cancellation should take; only reached when it never comes, so the test fails instead of hanging.
    private static readonly TimeSpan Hung = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_running_statement_is_interrupted_when_its_token_is_cancelled(bool inMemory)
    {
        using var directory = new TempDirectory();
        var options = new SqliteGraphStoreOptions { Path = inMemory ? SqliteGraphStoreOptions.InMemory : directory.File("interrupt.db") };
        await using var connections = new SqliteConnectionSource(options);
        using var cancel = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var query = Task.Run(
            async () =>
            {
                await using var lease = await connections.OpenAsync(cancel.Token);
                await using var command = lease.Connection.CreateCommand();
                command.CommandText = EndlessQuery;
                started.SetResult();
                return await command.ExecuteScalarAsync(cancel.Token);
            },
            TestContext.Current.CancellationToken);
        await started.Task.WaitAsync(Hung, TestContext.Current.CancellationToken);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => query.WaitAsync(Hung, TestContext.Current.CancellationToken));
        Assert.Equal(SqliteErrors.Interrupt, error.SqliteErrorCode);
    }

    [Fact]
    public async Task A_connection_handed_back_after_a_cancellation_runs_the_next_statement()
    {
        await using var connections = new SqliteConnectionSource(new SqliteGraphStoreOptions { Path = SqliteGraphStoreOptions.InMemory });
        using (var cancel = new CancellationTokenSource())
        {
            await using var lease = await connections.OpenAsync(cancel.Token);
            await cancel.CancelAsync();
        }

        await using var next = await connections.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = next.Connection.CreateCommand();
        command.CommandText = "SELECT 42;";
        Assert.Equal(42L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

}
