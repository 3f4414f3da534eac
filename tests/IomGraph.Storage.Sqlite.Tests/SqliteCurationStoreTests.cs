using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;
using IomGraph.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IomGraph.Storage.Sqlite.Tests;

/// <summary>What the curation side of the SQLite store does beyond the contract: its migration, its in-memory connection, its warnings.</summary>
public sealed class SqliteCurationStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Migrating_a_version_1_database_logs_its_records_as_created_by_their_origin()
    {
        var path = _directory.File("graph.db");
        var newcomer = new Actor("newcomer", "Newcomer", ActorKind.ForumOrCommission);
        await using (var store = await TestStores.CreateInitialisedAsync(path))
        {
            await store.SeedAsync(ContractGraph.Bundle(), Ct);
            await store.ImportAsync(new GraphBundle { Actors = [newcomer] }, Ct);
        }

        // What a database written by a build of schema version 1 looks like: the graph, and no change log.
        await ExecuteAsync(path, ReadModelTests.DropVersion3 + "DROP TABLE changes; DELETE FROM sqlite_sequence; PRAGMA user_version = 1;");
        await using var migrated = await TestStores.CreateInitialisedAsync(path);

        var log = await migrated.GetChangesAsync(new ChangeQuery(null, null, 1000, null), Ct);
        var records = ContractGraph.AllSources.Count + ContractGraph.AllActors.Count + 1 + ContractGraph.AllRelations.Count;
        Assert.Equal(records, log.Total);
        Assert.All(log.Items, e => Assert.Equal((ChangeOperation.Create, null), (e.Operation, e.Before)));
        Assert.Equal(["import"], log.Items.Where(e => e.Record.Id == newcomer.Id).Select(e => e.Author));
        Assert.Equal(records - 1, log.Items.Count(e => e.Author == "seed"));
        Assert.Equal(CanonicalJson.Encode(newcomer).Json, log.Items.Single(e => e.Record.Id == newcomer.Id).After);
        Assert.Equal(
            [RecordKind.Source, RecordKind.Actor, RecordKind.Relation],
            log.Items.Select(e => e.Record.Kind).Distinct());
        Assert.InRange(log.Items[0].At, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));

        var next = await migrated.WriteAsync(new CurationWrite("alice", GraphBundle.Empty, [RecordRef.ActorOf(newcomer.Id)]), Ct);
        Assert.Equal(WriteStatus.Applied, next.Status);
        Assert.Equal(records + 1, (await migrated.GetChangesAsync(new ChangeQuery(null, null, 1, null), Ct)).Total);
    }

    [Fact]
    public async Task An_export_stopped_early_gives_the_in_memory_store_back()
    {
        await using var store = await TestStores.CreateInitialisedAsync(SqliteGraphStoreOptions.InMemory);
        await store.SeedAsync(ContractGraph.Bundle(), Ct);

        await foreach (var item in store.ExportAsync(new ExportFilter([], [], null), Ct))
        {
            Assert.IsType<ActorItem>(item);
            break;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var result = await store.WriteAsync(CurationWrite.Upsert("alice", new GraphBundle { Sources = [new Source("after-export", "After the export", SourceKind.News)] }), timeout.Token);
        Assert.Equal(WriteStatus.Applied, result.Status);
    }

    [Fact]
    public async Task A_seed_that_replaces_curated_records_says_so_in_a_warning()
    {
        var logger = new ListLogger();
        await using var store = new SqliteGraphStore(Options.Create(new SqliteGraphStoreOptions { Path = SqliteGraphStoreOptions.InMemory }), TimeProvider.System, logger);
        await store.InitialiseAsync(Ct);
        await store.SeedAsync(ContractGraph.Bundle(), Ct);
        await store.WriteAsync(CurationWrite.Upsert("alice", new GraphBundle
        {
            Actors = [ContractGraph.Actor(ContractGraph.Actors.Gmg) with { Description = "Curated." }, ContractGraph.Actor(ContractGraph.Actors.Iom) with { Description = "Curated." }],
        }), Ct);

        await store.SeedAsync(ContractGraph.Bundle(), Ct);

        var warning = Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("replaced 2 records", warning.Message, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    private sealed class ListLogger : ILogger<SqliteGraphStore>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
