using IomGraph.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IomGraph.Storage.Sqlite.Tests;

internal static class TestStores
{
    public static SqliteGraphStore Create(string path, TimeProvider? clock = null) =>
        new(Options.Create(new SqliteGraphStoreOptions { Path = path }), clock ?? TimeProvider.System, NullLogger<SqliteGraphStore>.Instance);

    public static async Task<SqliteGraphStore> CreateInitialisedAsync(string path, TimeProvider? clock = null)
    {
        var store = Create(path, clock);
        await store.InitialiseAsync(TestContext.Current.CancellationToken);
        return store;
    }

    public static (IGraphReader Reads, IGraphWriter Writes) BothPorts(SqliteGraphStore store) => (store, store);
}

/// <summary>A directory of its own for one test's database files, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("iomgraph-sqlite-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing a test for.
        }
    }
}

/// <summary>The store contract against an in-memory database.</summary>
public sealed class SqliteGraphStoreContractTests : Contract.GraphStoreContract
{
    protected override async Task<(IGraphReader Reads, IGraphWriter Writes)> CreateEmptyStoreAsync() => TestStores.BothPorts(await TestStores.CreateInitialisedAsync(SqliteGraphStoreOptions.InMemory));
}

/// <summary>The store contract against a database file in WAL mode, opened through the connection pool.</summary>
public sealed class FileSqliteGraphStoreContractTests : Contract.GraphStoreContract
{
    private readonly TempDirectory _directory = new();

    protected override async Task<(IGraphReader Reads, IGraphWriter Writes)> CreateEmptyStoreAsync() => TestStores.BothPorts(await TestStores.CreateInitialisedAsync(_directory.File("graph.db")));

    protected override async ValueTask DisposeStoreAsync(IGraphReader reads, IGraphWriter writes)
    {
        await base.DisposeStoreAsync(reads, writes);
        _directory.Dispose();
    }
}

/// <summary>The graph-walk oracles against an in-memory store.</summary>
public sealed class SqliteGraphWalkContractTests : Contract.GraphWalkContract
{
    protected override async Task<(IGraphReader Reads, IGraphWriter Writes)> CreateEmptyStoreAsync() => TestStores.BothPorts(await TestStores.CreateInitialisedAsync(SqliteGraphStoreOptions.InMemory));
}

/// <summary>
/// The curation contract against an in-memory database. Only the store that made it can reach it, so the store on the
/// same data that the racing tests ask for is the store under test itself: its writers race within it.
/// </summary>
public sealed class SqliteCurationStoreContractTests : Contract.CurationStoreContract
{
    protected override async Task<(IGraphReader Reads, IGraphWriter Writes)> CreateEmptyStoreAsync(TimeProvider clock)
    {
        var store = await TestStores.CreateInitialisedAsync(SqliteGraphStoreOptions.InMemory, clock);
        return TestStores.BothPorts(store);
    }

    protected override Task<(IGraphReader Reads, IGraphWriter Writes)> CreateStoreOnSameDataAsync(TimeProvider clock) => Task.FromResult((Reads, Writes));
}

/// <summary>
/// The curation contract against database files in WAL mode, one per store the test asks for; the store on the same
/// data is a second store on the first file, as a second process would open it.
/// </summary>
public sealed class FileSqliteCurationStoreContractTests : Contract.CurationStoreContract
{
    private readonly TempDirectory _directory = new();
    private int _files;

    protected override async Task<(IGraphReader Reads, IGraphWriter Writes)> CreateEmptyStoreAsync(TimeProvider clock)
    {
        var store = await TestStores.CreateInitialisedAsync(_directory.File($"graph-{++_files}.db"), clock);
        return TestStores.BothPorts(store);
    }

    protected override async Task<(IGraphReader Reads, IGraphWriter Writes)> CreateStoreOnSameDataAsync(TimeProvider clock) =>
        TestStores.BothPorts(await TestStores.CreateInitialisedAsync(((SqliteGraphStore)Writes).DatabasePath, clock));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
