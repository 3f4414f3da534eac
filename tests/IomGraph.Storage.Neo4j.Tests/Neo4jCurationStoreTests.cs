using System.Globalization;
using IomGraph.Core.Model;
using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>What the curation side of the Neo4j store does beyond the contract, against the real server at NEO4J_URL.</summary>
public sealed class Neo4jCurationStoreTests(SharedNeo4j server) : IClassFixture<SharedNeo4j>, IAsyncDisposable
{
    private readonly List<TestStore> _stores = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_export_larger_than_a_page_streams_every_record_once_in_id_order()
    {
        var store = await EmptyStoreAsync();
        var count = Neo4jGraphStore.ExportPageSize + 7;
        var source = new Source("register", "Register", SourceKind.PrimaryDocument);
        var actors = Enumerable.Range(0, count)
            .Select(i => new Actor(string.Create(CultureInfo.InvariantCulture, $"actor-{i:x5}"), $"Actor {i}", ActorKind.State, Sources: [new Citation(source.Id, "Listed.")]))
            .ToList();
        await store.ImportAsync(new GraphBundle { Sources = [source], Actors = actors }, Ct);

        var all = new List<ExportItem>();
        await foreach (var item in store.ExportAsync(new ExportFilter([], [], null), Ct))
        {
            all.Add(item);
        }

        var byKind = new List<ExportItem>();
        await foreach (var item in store.ExportAsync(new ExportFilter([ActorKind.State], [], null), Ct))
        {
            byKind.Add(item);
        }

        var expected = actors.Select(a => a.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal([.. expected, source.Id], all.Select(i => i.Id));
        Assert.Equal([.. expected, source.Id], byKind.Select(i => i.Id));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    private async Task<Neo4jGraphStore> EmptyStoreAsync()
    {
        var store = await TestStore.CreateEmptyAsync(server);
        _stores.Add(store);
        return store.Store;
    }
}
