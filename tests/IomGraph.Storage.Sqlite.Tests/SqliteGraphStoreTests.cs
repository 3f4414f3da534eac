using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;
using IomGraph.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IomGraph.Storage.Sqlite.Tests;

public sealed class SqliteGraphStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Initialising_twice_leaves_the_schema_at_the_latest_version()
    {
        var path = _directory.File("graph.db");
        await using (var store = await TestStores.CreateInitialisedAsync(path))
        {
            await store.SeedAsync(ContractGraph.Bundle(), Ct);
            await store.InitialiseAsync(Ct);
            await store.InitialiseAsync(Ct);
        }

        Assert.Equal(Schema.LatestVersion, await ScalarAsync(path, "PRAGMA user_version;"));
        await using var reopened = await TestStores.CreateInitialisedAsync(path);
        Assert.Equal(ContractGraph.AllActors.Count, (await reopened.GetStatsAsync(0, Ct)).Actors);
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused_as_unavailable()
    {
        var path = _directory.File("graph.db");
        await using (var store = await TestStores.CreateInitialisedAsync(path))
        {
        }

        await ScalarAsync(path, $"PRAGMA user_version = {Schema.LatestVersion + 1};");
        await using var newer = TestStores.Create(path);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => newer.InitialiseAsync(Ct));
        Assert.Contains("schema version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_database_uses_write_ahead_logging()
    {
        var path = _directory.File("graph.db");
        await using var store = await TestStores.CreateInitialisedAsync(path);

        Assert.Equal("wal", await ScalarAsync(path, "PRAGMA journal_mode;"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_connection_enforces_foreign_keys(bool inMemory)
    {
        await using var connections = new SqliteConnectionSource(new SqliteGraphStoreOptions { Path = inMemory ? SqliteGraphStoreOptions.InMemory : _directory.File("graph.db") });

        for (var i = 0; i < 2; i++)
        {
            await using var lease = await connections.OpenAsync(Ct);
            await using var command = lease.Connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys;";
            Assert.Equal(1L, await command.ExecuteScalarAsync(Ct));
            command.CommandText = "PRAGMA busy_timeout;";
            Assert.True((long)(await command.ExecuteScalarAsync(Ct))! > 0);
        }
    }

    [Fact]
    public async Task Data_survives_reopening_a_file_store()
    {
        var path = _directory.File("graph.db");
        await using (var store = await TestStores.CreateInitialisedAsync(path))
        {
            await store.SeedAsync(ContractGraph.Bundle(), Ct);
        }

        await using var reopened = await TestStores.CreateInitialisedAsync(path);

        var iom = await reopened.GetActorAsync(ContractGraph.Actors.Iom, Ct);
        Assert.Equal("International Organization for Migration", iom!.Actor.Name);
        Assert.NotNull(await reopened.GetSeedStateAsync(Ct));
        var result = await reopened.SeedAsync(ContractGraph.Bundle(), Ct);
        Assert.False(result.Changed);
    }

    [Fact]
    public async Task An_in_memory_store_forgets_everything_when_disposed()
    {
        await using (var store = await TestStores.CreateInitialisedAsync(SqliteGraphStoreOptions.InMemory))
        {
            await store.SeedAsync(ContractGraph.Bundle(), Ct);
            Assert.Equal(ContractGraph.AllActors.Count, (await store.GetStatsAsync(0, Ct)).Actors);
        }

        await using var fresh = await TestStores.CreateInitialisedAsync(SqliteGraphStoreOptions.InMemory);
        Assert.Equal(0, (await fresh.GetStatsAsync(0, Ct)).Actors);
    }

    [Fact]
    public async Task Initialising_creates_the_directory_of_the_database_file()
    {
        var path = Path.Combine(_directory.Path, "nested", "deeper", "graph.db");

        await using var store = await TestStores.CreateInitialisedAsync(path);

        Assert.True(File.Exists(path));
        Assert.Equal(path, store.DatabasePath);
    }

    [Fact]
    public async Task A_path_under_a_file_makes_the_store_unavailable()
    {
        var file = _directory.File("not-a-directory");
        await File.WriteAllTextAsync(file, "x", Ct);
        await using var store = TestStores.Create(Path.Combine(file, "graph.db"));

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitialiseAsync(Ct));
    }

    [Fact]
    public async Task A_directory_in_place_of_the_database_file_makes_the_store_unavailable()
    {
        var path = _directory.File("graph.db");
        Directory.CreateDirectory(path);
        await using var store = TestStores.Create(path);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitialiseAsync(Ct));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_makes_the_store_unavailable()
    {
        var path = _directory.File("graph.db");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))], Ct);
        await using var store = TestStores.Create(path);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitialiseAsync(Ct));
    }

    [Fact]
    public async Task Concurrent_reads_and_writes_on_a_file_store_all_complete()
    {
        var path = _directory.File("graph.db");
        await using var store = await TestStores.CreateInitialisedAsync(path);
        await store.SeedAsync(ContractGraph.Bundle(), Ct);

        var work = Enumerable.Range(0, 16).Select(i => i % 4 == 0
            ? (Task)store.ImportAsync(ContractGraph.Bundle().With(ContractGraph.Actor(ContractGraph.Actors.Gmg) with { Description = $"Version {i}" }), Ct)
            : store.FindShortestPathsAsync(new PathQuery(ContractGraph.Actors.CoteDIvoire, ContractGraph.Actors.Unhcr, 4, [], null), Ct));

        await Task.WhenAll(work);
        Assert.Equal(ContractGraph.AllActors.Count, (await store.GetStatsAsync(0, Ct)).Actors);
    }

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(Ct);
        return value is long number ? (int)number : value;
    }
}
