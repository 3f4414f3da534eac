using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;

namespace IomGraph.Storage.InMemory.Tests;

/// <summary>The graph-walk oracles against a fresh in-memory graph.</summary>
public sealed class InMemoryGraphWalkContractTests : GraphWalkContract
{
    protected override Task<(IGraphReader Reads, IGraphWriter Writes)> CreateEmptyStoreAsync() => InMemoryStores.CreateAsync(TimeProvider.System);
}
