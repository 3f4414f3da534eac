using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;

namespace IomGraph.Storage.Neo4j.Tests;

/// <summary>The graph-walk oracles against the real Neo4j at NEO4J_URL, each test on an emptied database.</summary>
public sealed class Neo4jGraphWalkContractTests(SharedNeo4j server) : GraphWalkContract, IClassFixture<SharedNeo4j>
{
    private TestStore? _store;

    protected override async Task<(IGraphReader Reads, IGraphWriter Writes)> CreateEmptyStoreAsync()
    {
        _store = await TestStore.CreateEmptyAsync(server);
        return (_store.Store, _store.Store);
    }

    protected override async ValueTask DisposeStoreAsync(IGraphReader reads, IGraphWriter writes)
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}
