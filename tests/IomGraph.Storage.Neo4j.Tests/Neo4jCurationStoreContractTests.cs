using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>
/// The curation contract against the real Neo4j at NEO4J_URL, each test on an emptied database. The server has one
/// database, so a test that asks for a second empty store gets the same database emptied again (after the first store's
/// data was read), through a store on the second clock. The store on the same data that the racing tests ask for is a
/// second store on the same server, as another process would have: its own client and write gate.
/// </summary>
public sealed class Neo4jCurationStoreContractTests(SharedNeo4j server) : CurationStoreContract, IClassFixture<SharedNeo4j>
{
    private readonly List<TestStore> _stores = [];

    protected override async Task<(IGraphReader Reads, IGraphWriter Writes)> CreateEmptyStoreAsync(TimeProvider clock)
    {
        var store = await TestStore.CreateEmptyAsync(server, clock: clock);
        _stores.Add(store);
        return (store.Store, store.Store);
    }

    protected override Task<(IGraphReader Reads, IGraphWriter Writes)> CreateStoreOnSameDataAsync(TimeProvider clock)
    {
        var store = TestStore.Create(_stores[0].Options.Url!, clock: clock);
        _stores.Add(store);
        return Task.FromResult<(IGraphReader, IGraphWriter)>((store.Store, store.Store));
    }

    protected override async ValueTask DisposeStoreAsync(IGraphReader reads, IGraphWriter writes)
    {
        foreach (var store in _stores.Where(s => ReferenceEquals(s.Store, reads)).ToList())
        {
            _stores.Remove(store);
            await store.DisposeAsync();
        }
    }
}
