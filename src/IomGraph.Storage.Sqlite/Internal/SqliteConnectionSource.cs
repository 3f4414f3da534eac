using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace IomGraph.Storage.Sqlite.Internal;

/// <summary>
/// Hands out configured connections. A file database gets a pooled connection per operation (WAL lets readers run
/// beside the one writer). An in-memory database lives only as long as a connection to it, so the source keeps one
/// connection for its whole life and lends it to one operation at a time. While a connection is lent, the operation's
/// token can stop the statement it runs (see <see cref="Lease"/>).
/// </summary>
internal sealed class SqliteConnectionSource : IAsyncDisposable
{
    private const int BusyTimeoutMilliseconds = 5000;

    private readonly string _connectionString;
    private readonly SemaphoreSlim? _gate;
    private SqliteConnection? _shared;
    private bool _disposed;

    public SqliteConnectionSource(SqliteGraphStoreOptions options)
    {
        IsInMemory = options.IsInMemory;
        FullPath = IsInMemory ? SqliteGraphStoreOptions.InMemory : System.IO.Path.GetFullPath(options.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = IsInMemory ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = !IsInMemory,
            ForeignKeys = true,
        }.ToString();
        _gate = IsInMemory ? new SemaphoreSlim(1, 1) : null;
    }

    public bool IsInMemory { get; }

    /// <summary>The database file's absolute path, or <c>:memory:</c>.</summary>
    public string FullPath { get; }

    public async Task<Lease> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_gate is null)
        {
            var connection = new SqliteConnection(_connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                await ConfigureAsync(connection, cancellationToken);
                return new Lease(connection, null, cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_shared is null)
            {
                var connection = new SqliteConnection(_connectionString);
                try
                {
                    await connection.OpenAsync(cancellationToken);
                    await ConfigureAsync(connection, cancellationToken);
                }
                catch
                {
                    await connection.DisposeAsync();
                    throw;
                }

                _shared = connection;
            }

            return new Lease(_shared, _gate, cancellationToken);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    // foreign_keys and busy_timeout belong to the connection, not the file: set them every time one is handed out.
    private async Task ConfigureAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = IsInMemory
            ? $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BusyTimeoutMilliseconds};"
            : $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_gate is not null)
        {
            await _gate.WaitAsync();
            try
            {
                if (_shared is not null)
                {
                    await _shared.DisposeAsync();
                    _shared = null;
                }
            }
            finally
            {
                _gate.Release();
                _gate.Dispose();
            }
        }
        else
        {
            // Pooled connections keep the file (and its -wal, -shm) open; let it go so it can be moved or deleted.
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>
    /// A connection lent to one operation: closed, or handed back to the in-memory gate, on dispose. Microsoft.Data.Sqlite
    /// looks at a token only before a statement starts, so a statement already running would run to its end after the
    /// request that asked for it had gone. While lent, the connection's progress handler, called by SQLite every
    /// <see cref="ProgressInstructions"/> virtual machine instructions, ends the running statement with SQLITE_INTERRUPT
    /// once the operation's token is cancelled. Unlike sqlite3_interrupt, which SQLite forgets when no statement is
    /// running, it cannot miss a cancellation that comes just before a statement starts.
    /// </summary>
    internal readonly struct Lease : IAsyncDisposable
    {
        public const int ProgressInstructions = 1000;

        private readonly SemaphoreSlim? _gate;
        private readonly bool _watched;

        public Lease(SqliteConnection connection, SemaphoreSlim? gate, CancellationToken cancellationToken)
        {
            Connection = connection;
            _gate = gate;
            _watched = cancellationToken.CanBeCanceled;
            if (_watched)
            {
                SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, ProgressInstructions, static token => ((StrongBox<CancellationToken>)token).Value.IsCancellationRequested ? 1 : 0, new StrongBox<CancellationToken>(cancellationToken));
            }
        }

        public SqliteConnection Connection { get; }

        public async ValueTask DisposeAsync()
        {
            if (_watched && Connection.Handle is { } handle)
            {
                SQLitePCL.raw.sqlite3_progress_handler(handle, 0, null, null);
            }

            if (_gate is null)
            {
                await Connection.DisposeAsync();
            }
            else
            {
                _gate.Release();
            }
        }
    }
}
