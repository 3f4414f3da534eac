using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;
using IomGraph.Testing.InMemory;

namespace IomGraph.Storage.InMemory.Tests;

/// <summary>The store contract against a fresh in-memory graph.</summary>
public sealed class InMemoryGraphStoreContractTests : GraphStoreContract
{
    protected override Task<(IGraphReader Reads, IGraphWriter Writes)> CreateEmptyStoreAsync() => InMemoryStores.CreateAsync(TimeProvider.System);
}
