using IomGraph.Core.Storage;
using IomGraph.Storage.Contract;

namespace IomGraph.Storage.InMemory.Tests;

/// <summary>The curation contract against a fresh in-memory graph per store the test asks for.</summary>
public sealed class InMemoryCurationStoreContractTests : CurationStoreContract
{
    protected override Task<(IGraphReader Reads, IGraphWriter Writes)> CreateEmptyStoreAsync(TimeProvider clock) => InMemoryStores.CreateAsync(clock);
}
